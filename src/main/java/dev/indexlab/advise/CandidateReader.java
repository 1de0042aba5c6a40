package dev.indexlab.advise;

import dev.indexlab.IndexlabException;
import dev.indexlab.check.CandidateFolderReader;
import dev.indexlab.check.CandidateKind;
import dev.indexlab.check.CandidateProblem;
import dev.indexlab.schema.FlywayNames;
import dev.indexlab.workload.RouteParser;
import dev.indexlab.workload.SqlScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a workload's candidates folder: one folder per candidate, holding one or more {@code
 * V*.sql} migrations, optionally {@code rewrite/<route_id>.sql} (replacement route files), {@code
 * production/} (the migration to ship) and {@code candidate.properties} (see {@link
 * CandidateProperties}; for a hand-written candidate {@code description} is enough). What the
 * properties do not say is read from the SQL: the kind, and the indexes a {@code CREATE INDEX}
 * creates.
 */
public final class CandidateReader {
  private static final Pattern FOLDER = Pattern.compile("^(\\d+)_(.+)$");
  private static final Pattern EXTENSION = Pattern.compile("(?is)^CREATE\\s+EXTENSION\\b.*");
  private static final Pattern DROP_INDEX = Pattern.compile("(?is)^DROP\\s+INDEX\\b.*");

  private CandidateReader() {}

  /**
   * Every candidate folder in {@code directory}, by folder name; empty when it does not exist.
   *
   * @throws IOException when the folder or one of its candidates cannot be listed
   */
  public static List<CandidateFolder> read(Path directory) throws IOException {
    CandidateFolderReader.Result read =
        CandidateFolderReader.read(directory, CandidateFolderReader.Expected.NONE);
    failOnUnreadable(read);
    List<CandidateFolder> folders = new ArrayList<>();
    for (CandidateFolderReader.Folder f : read.folders()) {
      folders.add(candidate(f));
    }
    return folders;
  }

  /** One candidate folder. */
  public static CandidateFolder readFolder(Path folder) throws IOException {
    CandidateFolderReader.Result read =
        CandidateFolderReader.readFolder(folder, CandidateFolderReader.Expected.NONE);
    failOnUnreadable(read);
    return candidate(read.folders().get(0));
  }

  /**
   * The advisor reads what it can list; names Flyway rejects and the like are {@code check}'s to
   * report, but a folder that cannot be listed would silently lose candidates, and a {@code
   * candidate.properties} whose kind cannot be used would measure a candidate as something else:
   * both stop the reading (the latter as a usage error naming the file, the line {@code check}
   * prints).
   */
  private static void failOnUnreadable(CandidateFolderReader.Result read) throws IOException {
    for (CandidateProblem p : read.problems()) {
      if (p.kind() == CandidateProblem.Kind.UNREADABLE) {
        throw new IOException(p.text());
      }
      if (p.kind() == CandidateProblem.Kind.INVALID
          && p.file().getFileName().toString().equals(CandidateFolderReader.PROPERTIES)) {
        throw IndexlabException.usage(p.file() + ": " + p.message());
      }
    }
  }

  private static CandidateFolder candidate(CandidateFolderReader.Folder parsed) throws IOException {
    Path folder = parsed.directory();
    String folderName = folder.getFileName().toString();
    Matcher fm = FOLDER.matcher(folderName);
    int number = fm.matches() ? Integer.parseInt(fm.group(1)) : -1;
    Properties props = parsed.properties();
    List<Path> migrations = parsed.versionedMigrations();
    List<Path> production =
        parsed.productionMigrations().stream()
            .filter(p -> FlywayNames.isVersioned(p.getFileName().toString()))
            .toList();
    List<String> statements = new ArrayList<>();
    for (Path m : migrations) {
      for (SqlScanner.Piece piece : SqlScanner.split(Files.readString(m, StandardCharsets.UTF_8))) {
        String s = SqlScanner.stripComments(piece.sql()).strip();
        if (!s.isEmpty()) {
          statements.add(s);
        }
      }
    }
    List<RouteRewrite> rewrites =
        parsed.rewriteFiles().stream().map(f -> new RouteRewrite(RouteParser.idOf(f), f)).toList();
    String name = props.getProperty("name", fm.matches() ? fm.group(2) : folderName);
    String description =
        props.getProperty(
            "description", migrations.isEmpty() ? name : headerText(migrations.get(0), name));
    List<IndexSpec> indexes = CandidateProperties.indexes(props);
    if (indexes.isEmpty()) {
      statements.stream()
          .map(IndexStatementParser::create)
          .flatMap(Optional::stream)
          .forEach(indexes::add);
    }
    List<Reason> reasons = CandidateProperties.reasons(props);
    if (reasons.isEmpty()) {
      reasons.add(new Reason(Rule.HAND_WRITTEN, null, null, null, null, Map.of(), description));
    }
    Candidate candidate =
        new Candidate(
            name,
            kind(parsed.declaredKind(), statements, rewrites),
            indexes,
            statements,
            reasons,
            description,
            rewrites);
    Optional<WhatIfVerdict> verdict =
        Optional.ofNullable(props.getProperty("whatif.verdict")).map(WhatIfVerdict::valueOf);
    return new CandidateFolder(
        folder,
        number,
        candidate,
        migrations,
        production,
        verdict,
        Optional.ofNullable(props.getProperty("whatif.summary")));
  }

  /** The kind declared in candidate.properties, else what the SQL and the rewrites say. */
  private static CandidateKind kind(
      Optional<CandidateKind> declared, List<String> statements, List<RouteRewrite> rewrites) {
    if (declared.isPresent()) {
      return declared.get();
    }
    if (!rewrites.isEmpty()) {
      return CandidateKind.REWRITE;
    }
    if (statements.stream().anyMatch(s -> EXTENSION.matcher(s).matches())) {
      return CandidateKind.EXTENSION_INDEX;
    }
    if (!statements.isEmpty()
        && statements.stream().allMatch(s -> DROP_INDEX.matcher(s).matches())) {
      return CandidateKind.DROP_INDEX;
    }
    return CandidateKind.CREATE_INDEX;
  }

  /** The first comment line of a migration, as a description. */
  private static String headerText(Path migration, String fallback) throws IOException {
    for (String line : Files.readAllLines(migration, StandardCharsets.UTF_8)) {
      String t = line.strip();
      if (t.startsWith("--")) {
        String text = t.substring(2).strip();
        if (!text.isEmpty()) {
          return text;
        }
      } else if (!t.isEmpty()) {
        break;
      }
    }
    return fallback;
  }
}
