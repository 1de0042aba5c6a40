package dev.indexlab.check;

import dev.indexlab.schema.FlywayNames;
import dev.indexlab.schema.LoadProblems;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteParser;
import dev.indexlab.workload.Workload;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a workload's {@code candidates/} folder and reports what Flyway or the scenario runner
 * would trip over: files that are not in a candidate folder, migration names Flyway rejects (in the
 * folder and in its {@code production/} subfolder, whose migrations are not applied here),
 * duplicate versions, versions not above the schema's own migrations, a candidate with nothing in
 * it, and rewrites that are not valid route files for an existing route.
 */
final class CandidateFiles {
  private static final Comparator<Path> FLYWAY_ORDER =
      Comparator.comparing((Path p) -> !FlywayNames.isVersioned(name(p)))
          .thenComparing(CandidateFiles::version, FlywayNames::compareVersions)
          .thenComparing(CandidateFiles::name);

  private CandidateFiles() {}

  /** The candidates of {@code workload}; problems (file: message) go to {@code problems}. */
  static List<Candidate> read(Workload workload, Set<String> routeIds, LoadProblems problems) {
    Path root = workload.candidates();
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    Optional<BigInteger[]> schemaMax = schemaMaxVersion(workload);
    List<Candidate> candidates = new ArrayList<>();
    for (Path entry : list(root, problems)) {
      String entryName = name(entry);
      if (entryName.startsWith(".")) {
        continue;
      }
      if (!Files.isDirectory(entry)) {
        if (entryName.endsWith(".sql")) {
          problems.problem(
              LoadProblems.shown(entry)
                  + ": a candidate is a folder: move this file to candidates/NAME/");
        }
        continue;
      }
      candidates.add(candidate(entry, routeIds, schemaMax, problems));
    }
    return candidates;
  }

  private static Candidate candidate(
      Path dir, Set<String> routeIds, Optional<BigInteger[]> schemaMax, LoadProblems problems) {
    List<Path> migrations = new ArrayList<>();
    List<Route> rewrites = new ArrayList<>();
    Map<String, Path> versions = new HashMap<>();
    boolean badNames = false;
    for (Path p : list(dir, problems)) {
      String n = name(p);
      if (Files.isDirectory(p)) {
        if (n.equals("rewrite")) {
          rewrites(p, routeIds, rewrites, problems);
        } else if (n.equals("production")) {
          productionNames(p, problems);
        } else {
          problems.note(
              LoadProblems.shown(p) + ": ignored (a candidate holds V*.sql and rewrite/)");
        }
      } else if (n.endsWith(".sql")) {
        if (!FlywayNames.isMigration(n)) {
          problems.problem(LoadProblems.shown(p) + ": " + FlywayNames.expected());
          badNames = true;
          continue;
        }
        if (FlywayNames.isVersioned(n)) {
          String v = String.join(".", Arrays.stream(version(p)).map(String::valueOf).toList());
          Path other = versions.put(v, p);
          if (other != null) {
            problems.problem(
                LoadProblems.shown(p) + ": version " + v + " is also used by " + name(other));
          }
          if (schemaMax.isPresent()
              && FlywayNames.compareVersions(version(p), schemaMax.get()) <= 0) {
            problems.problem(
                LoadProblems.shown(p)
                    + ": version "
                    + v
                    + " is not above the schema's latest migration; number candidates after it"
                    + " (for example V1000__...)");
          }
        }
        migrations.add(p);
      }
    }
    if (migrations.isEmpty() && rewrites.isEmpty() && !badNames) {
      problems.problem(
          LoadProblems.shown(dir) + ": empty candidate: no V*.sql migration and no rewrite/");
    }
    migrations.sort(FLYWAY_ORDER);
    return new Candidate(name(dir), dir, migrations, rewrites);
  }

  private static void rewrites(
      Path dir, Set<String> routeIds, List<Route> rewrites, LoadProblems problems) {
    for (Path p : list(dir, problems)) {
      String n = name(p);
      if (!n.endsWith(".sql") || !Files.isRegularFile(p)) {
        continue;
      }
      String id = n.substring(0, n.length() - 4);
      if (!routeIds.contains(id)) {
        problems.problem(
            LoadProblems.shown(p)
                + ":1: rewrite of an unknown route "
                + id
                + " (routes: "
                + String.join(", ", routeIds.stream().sorted().toList())
                + ")");
        continue;
      }
      List<String> errors = new ArrayList<>();
      Optional<Route> route = RouteParser.parse(Path.of(LoadProblems.shown(p)), errors);
      errors.forEach(problems::problem);
      route.ifPresent(rewrites::add);
    }
  }

  /** The migrations to ship ({@code production/}) are not applied, only their names checked. */
  private static void productionNames(Path dir, LoadProblems problems) {
    for (Path p : list(dir, problems)) {
      if (name(p).endsWith(".sql") && !FlywayNames.isMigration(name(p))) {
        problems.problem(LoadProblems.shown(p) + ": " + FlywayNames.expected());
      }
    }
  }

  private static Optional<BigInteger[]> schemaMaxVersion(Workload workload) {
    if (workload.migrations().isEmpty()) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(workload.migrations().get())) {
      return files
          .filter(p -> FlywayNames.isVersioned(name(p)))
          .map(CandidateFiles::version)
          .max(FlywayNames::compareVersions);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static BigInteger[] version(Path p) {
    return FlywayNames.version(name(p));
  }

  private static List<Path> list(Path dir, LoadProblems problems) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      problems.problem(LoadProblems.shown(dir) + ": cannot list: " + e.getMessage());
      return List.of();
    }
  }

  private static String name(Path p) {
    return p.getFileName().toString();
  }
}
