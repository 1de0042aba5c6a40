package dev.indexlab.check;

import dev.indexlab.check.CandidateProblem.Kind;
import dev.indexlab.schema.FlywayNames;
import dev.indexlab.schema.LoadProblems;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteParser;
import dev.indexlab.workload.RouteProblem;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one reader of a workload's {@code candidates/} folder, used by {@code check} and by the
 * advisor (and through it by {@code run}). Each candidate is a folder holding {@code V*.sql} (and
 * {@code R__*.sql}) migrations, optionally {@code rewrite/<route id>.sql} and {@code production/}.
 * The reader returns every folder it could read and, as typed problems, what Flyway or the scenario
 * runner would trip over: files that are not in a candidate folder, migration names Flyway rejects
 * (also in {@code production/}, whose migrations are not applied), duplicate versions, versions not
 * above the schema's own migrations, a candidate with nothing in it, rewrites that are not valid
 * route files for an existing route, and a {@code candidate.properties} that cannot be loaded or
 * whose {@code kind=} or {@code api.changes=} is not a value indexlab can use (the first such
 * problem of the file). It never throws for a bad folder: the caller decides what a problem costs.
 */
public final class CandidateFolderReader {
  /** The file a candidate folder describes itself in (optional). */
  public static final String PROPERTIES = "candidate.properties";

  /** The key that marks a rewrite as changing the application's API. */
  public static final String API_CHANGES = "api.changes";

  private static final Comparator<Path> FLYWAY_ORDER =
      Comparator.comparing((Path p) -> !FlywayNames.isVersioned(name(p)))
          .thenComparing(CandidateFolderReader::version, FlywayNames::compareVersions)
          .thenComparing(CandidateFolderReader::name);

  /**
   * One candidate folder: its migrations with valid Flyway names in the order Flyway applies them,
   * the valid migration names in {@code production/}, every {@code rewrite/*.sql} file, and those
   * rewrites parsed as routes (only the ones that parse and, when the route ids are known, rewrite
   * an existing route), its {@code candidate.properties} (empty when it has none or it cannot be
   * loaded) and the kind those declare ({@code kind=}, or {@link CandidateKind#API_REWRITE} for
   * {@code api.changes=true}; empty when they declare none or it is a problem).
   */
  public record Folder(
      Path directory,
      List<Path> migrations,
      List<Path> productionMigrations,
      List<Path> rewriteFiles,
      List<Route> rewrites,
      Properties properties,
      Optional<CandidateKind> declaredKind) {
    public Folder {
      migrations = List.copyOf(migrations);
      productionMigrations = List.copyOf(productionMigrations);
      rewriteFiles = List.copyOf(rewriteFiles);
      rewrites = List.copyOf(rewrites);
      Properties copy = new Properties();
      copy.putAll(properties);
      properties = copy;
    }

    /** The folder's name, e.g. {@code 001_orders_customer}. */
    public String name() {
      return CandidateFolderReader.name(directory);
    }

    /** The versioned ({@code V*.sql}) migrations, in version order. */
    public List<Path> versionedMigrations() {
      return migrations.stream()
          .filter(p -> FlywayNames.isVersioned(CandidateFolderReader.name(p)))
          .toList();
    }
  }

  /** The folders read, by folder name, and the problems found, in the order they were found. */
  public record Result(List<Folder> folders, List<CandidateProblem> problems) {
    public Result {
      folders = List.copyOf(folders);
      problems = List.copyOf(problems);
    }
  }

  /**
   * What the workload expects of its candidates: migration versions above {@code versionsAbove}
   * (the schema's latest) and rewrites of the routes {@code routeIds}; empty for no expectation.
   */
  public record Expected(Optional<BigInteger[]> versionsAbove, Optional<Set<String>> routeIds) {
    /** No expectation: the folder is read on its own. */
    public static final Expected NONE = new Expected(Optional.empty(), Optional.empty());
  }

  private final Expected expected;
  private final List<CandidateProblem> problems = new ArrayList<>();

  private CandidateFolderReader(Expected expected) {
    this.expected = expected;
  }

  /** Every candidate folder in {@code root} (none when it does not exist), and the problems. */
  public static Result read(Path root, Expected expected) {
    CandidateFolderReader reader = new CandidateFolderReader(expected);
    List<Folder> folders = new ArrayList<>();
    if (Files.isDirectory(root)) {
      for (Path entry : reader.list(root)) {
        String entryName = name(entry);
        if (entryName.startsWith(".")) {
          continue;
        }
        if (Files.isDirectory(entry)) {
          folders.add(reader.folder(entry));
        } else if (entryName.endsWith(".sql")) {
          reader.problem(
              Kind.INVALID,
              entry,
              0,
              "a candidate is a folder: move this file to candidates/NAME/");
        }
      }
    }
    return new Result(folders, reader.problems);
  }

  /** One candidate folder, {@code dir}, and its problems. */
  public static Result readFolder(Path dir, Expected expected) {
    CandidateFolderReader reader = new CandidateFolderReader(expected);
    Folder folder = reader.folder(dir);
    return new Result(List.of(folder), reader.problems);
  }

  private Folder folder(Path dir) {
    List<Path> migrations = new ArrayList<>();
    List<Path> production = new ArrayList<>();
    List<Path> rewriteFiles = new ArrayList<>();
    List<Route> rewrites = new ArrayList<>();
    Map<String, Path> versions = new HashMap<>();
    boolean badNames = false;
    for (Path p : list(dir)) {
      String n = name(p);
      if (Files.isDirectory(p)) {
        if (n.equals("rewrite")) {
          rewrites(p, rewriteFiles, rewrites);
        } else if (n.equals("production")) {
          production(p, production);
        } else {
          problem(Kind.IGNORED, p, 0, "ignored (a candidate holds V*.sql and rewrite/)");
        }
      } else if (n.endsWith(".sql")) {
        if (!FlywayNames.isMigration(n)) {
          problem(Kind.INVALID, p, 0, FlywayNames.expected());
          badNames = true;
          continue;
        }
        if (FlywayNames.isVersioned(n)) {
          versionChecks(p, versions);
        }
        migrations.add(p);
      }
    }
    if (migrations.isEmpty() && rewrites.isEmpty() && !badNames) {
      problem(Kind.INVALID, dir, 0, "empty candidate: no V*.sql migration and no rewrite/");
    }
    migrations.sort(FLYWAY_ORDER);
    production.sort(FLYWAY_ORDER);
    Path file = dir.resolve(PROPERTIES);
    Properties properties = properties(file);
    Optional<CandidateKind> kind = declaredKind(properties, file, !rewriteFiles.isEmpty());
    return new Folder(dir, migrations, production, rewriteFiles, rewrites, properties, kind);
  }

  private Properties properties(Path file) {
    Properties p = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        problem(Kind.UNREADABLE, file, 0, "cannot read: " + e.getMessage());
        return new Properties();
      } catch (IllegalArgumentException e) {
        problem(Kind.INVALID, file, 0, e.getMessage());
        return new Properties();
      }
    }
    return p;
  }

  /**
   * The kind {@code p} declares: {@code api.changes=true} makes an {@link
   * CandidateKind#API_REWRITE}, which needs a rewrite and allows no other {@code kind=}. The first
   * value indexlab cannot use is a problem of {@code file}, and the kind is then empty.
   */
  private Optional<CandidateKind> declaredKind(Properties p, Path file, boolean hasRewrite) {
    String changes = p.getProperty(API_CHANGES);
    String v = changes == null ? "false" : changes.trim().toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      String was = changes.trim();
      problem(Kind.INVALID, file, 0, API_CHANGES + " must be true or false, not \"" + was + "\"");
      return Optional.empty();
    }
    String declared = p.getProperty("kind");
    CandidateKind kind = null;
    if (declared != null) {
      try {
        kind = CandidateKind.valueOf(declared.trim());
      } catch (IllegalArgumentException e) {
        String known = List.of(CandidateKind.values()).toString();
        problem(Kind.INVALID, file, 0, "kind=" + declared.trim() + " is not one of " + known);
        return Optional.empty();
      }
    }
    if (v.equals("true") || kind == CandidateKind.API_REWRITE) {
      if (!hasRewrite) {
        problem(
            Kind.INVALID,
            file,
            0,
            API_CHANGES + "=true needs the new route in rewrite/<route id>.sql");
        return Optional.empty();
      }
      if (kind != null && kind != CandidateKind.API_REWRITE) {
        problem(Kind.INVALID, file, 0, API_CHANGES + "=true contradicts kind=" + kind);
        return Optional.empty();
      }
      return Optional.of(CandidateKind.API_REWRITE);
    }
    return Optional.ofNullable(kind);
  }

  private void versionChecks(Path p, Map<String, Path> versions) {
    String v = String.join(".", Arrays.stream(version(p)).map(String::valueOf).toList());
    Path other = versions.put(v, p);
    if (other != null) {
      problem(Kind.INVALID, p, 0, "version " + v + " is also used by " + name(other));
    }
    if (expected.versionsAbove().isPresent()
        && FlywayNames.compareVersions(version(p), expected.versionsAbove().get()) <= 0) {
      problem(
          Kind.INVALID,
          p,
          0,
          "version "
              + v
              + " is not above the schema's latest migration; number candidates after it"
              + " (for example V1000__...)");
    }
  }

  private void rewrites(Path dir, List<Path> files, List<Route> rewrites) {
    for (Path p : list(dir)) {
      String n = name(p);
      if (!n.endsWith(".sql") || !Files.isRegularFile(p)) {
        continue;
      }
      files.add(p);
      String id = n.substring(0, n.length() - 4);
      Optional<Set<String>> ids = expected.routeIds();
      if (ids.isPresent() && !ids.get().contains(id)) {
        String known = String.join(", ", ids.get().stream().sorted().toList());
        problem(
            Kind.INVALID, p, 1, "rewrite of an unknown route " + id + " (routes: " + known + ")");
        continue;
      }
      List<RouteProblem> errors = new ArrayList<>();
      Optional<Route> route = RouteParser.parse(Path.of(LoadProblems.shown(p)), errors);
      errors.forEach(e -> problem(Kind.INVALID, p, e.line(), e.message()));
      route.ifPresent(rewrites::add);
    }
  }

  /** The migrations to ship ({@code production/}) are not applied, only their names checked. */
  private void production(Path dir, List<Path> production) {
    for (Path p : list(dir)) {
      if (!name(p).endsWith(".sql")) {
        continue;
      }
      if (!FlywayNames.isMigration(name(p))) {
        problem(Kind.INVALID, p, 0, FlywayNames.expected());
      } else if (Files.isRegularFile(p)) {
        production.add(p);
      }
    }
  }

  private List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      problem(Kind.UNREADABLE, dir, 0, "cannot list: " + e.getMessage());
      return List.of();
    }
  }

  private void problem(Kind kind, Path file, long line, String message) {
    problems.add(new CandidateProblem(kind, file, line, message));
  }

  private static BigInteger[] version(Path p) {
    return FlywayNames.version(name(p));
  }

  private static String name(Path p) {
    return p.getFileName().toString();
  }
}
