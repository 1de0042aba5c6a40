package dev.indexlab.schema;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.workload.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads a workload's schema into an empty database, from whichever of the two layouts it has.
 *
 * <pre>{@code
 * Workload w = Workload.open(Path.of("examples/bookshop"));
 * SchemaLoader.Loaded s = SchemaLoader.load(spec, w); // throws a usage error naming file:line
 * }</pre>
 *
 * <ul>
 *   <li>{@code schema/}: Flyway migrations, applied by {@link SchemaMigrator} with history table
 *       {@value #HISTORY_TABLE};
 *   <li>{@code schema.sql}: one plain SQL file (for example {@code pg_dump --format=plain
 *       --no-owner} output, COPY blocks and INSERTs included), run by {@link SqlScript} in one
 *       transaction.
 * </ul>
 *
 * Afterwards serial and identity sequences are moved past any keys the schema's rows use.
 */
public final class SchemaLoader {
  /** Flyway's history table for a workload's schema migrations. */
  public static final String HISTORY_TABLE = "flyway_schema_history";

  /**
   * Flyway names the failed file as "Migration X.sql failed" or "Failed to execute script X.sql".
   */
  private static final Pattern FLYWAY_FILE =
      Pattern.compile("(?:Migration (\\S+\\.sql) failed|Failed to execute script (\\S+\\.sql))");

  private static final Pattern FLYWAY_LINE = Pattern.compile("(?m)^\\s*Line\\s*:\\s*(\\d+)");
  private static final Pattern FLYWAY_MESSAGE =
      Pattern.compile("(?m)^\\s*Message\\s*:\\s*(?:ERROR:\\s*)?(.*)$");

  private SchemaLoader() {}

  /** What was loaded: the source file or folder, statements or migrations run, rows copied. */
  public record Loaded(Path source, int statements, long copiedRows) {}

  /** Loads the schema; a usage error naming {@code file:line} on the first problem. */
  public static Loaded load(ConnectionSpec spec, Workload workload) {
    return load(spec, workload, LoadProblems.failFast());
  }

  /** Loads the schema, reporting problems to {@code problems}. */
  public static Loaded load(ConnectionSpec spec, Workload workload, LoadProblems problems) {
    if (workload.migrations().isPresent()) {
      return migrate(spec, workload.migrations().get(), problems);
    }
    Path dump = workload.dump().orElseThrow();
    try (Connection c = spec.open()) {
      c.setAutoCommit(false);
      SqlScript.Result r = SqlScript.run(c, dump, problems);
      SequenceReset.forward(c);
      c.commit();
      return new Loaded(dump, r.statements(), r.copiedRows());
    } catch (SQLException e) {
      throw IndexlabException.failed(
          "loading " + LoadProblems.shown(dump) + " failed: " + ServerErrors.describe(e), e);
    }
  }

  private static Loaded migrate(ConnectionSpec spec, Path folder, LoadProblems problems) {
    if (!namesValid(folder, problems)) {
      return new Loaded(folder, 0, 0);
    }
    try {
      int n = SchemaMigrator.migrate(spec, folder, HISTORY_TABLE);
      try (Connection c = spec.open()) {
        SequenceReset.forward(c);
      }
      return new Loaded(folder, n, 0);
    } catch (IndexlabException e) {
      problems.problem(flywayProblem(folder, e) + newerServerHint(spec, e));
    } catch (SQLException e) {
      throw IndexlabException.failed(
          "after migrating " + LoadProblems.shown(folder) + ": " + ServerErrors.describe(e), e);
    }
    return new Loaded(folder, 0, 0);
  }

  /** Reports every .sql file in {@code folder} whose name Flyway would not accept. */
  public static boolean namesValid(Path folder, LoadProblems problems) {
    boolean ok = true;
    try (Stream<Path> files = Files.walk(folder)) {
      List<Path> sql =
          files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".sql")).toList();
      for (Path p : sql.stream().sorted().toList()) {
        if (!FlywayNames.isMigration(p.getFileName().toString())) {
          problems.problem(LoadProblems.shown(p) + ": " + FlywayNames.expected());
          ok = false;
        }
      }
    } catch (IOException e) {
      problems.problem(LoadProblems.shown(folder) + ": cannot list: " + e.getMessage());
      return false;
    }
    return ok;
  }

  /** Flyway's failure as {@code folder/file:line: message} when its message names them. */
  public static String flywayProblem(Path folder, IndexlabException e) {
    String text = causeMessages(e);
    Matcher file = FLYWAY_FILE.matcher(text);
    Matcher line = FLYWAY_LINE.matcher(text);
    Matcher message = FLYWAY_MESSAGE.matcher(text);
    if (file.find() && message.find()) {
      String name = file.group(1) != null ? file.group(1) : file.group(2);
      String where = LoadProblems.shown(folder.resolve(name));
      return where + (line.find() ? ":" + line.group(1) : "") + ": " + message.group(1).trim();
    }
    return e.getMessage();
  }

  /** {@code "; uuidv7() exists from PostgreSQL 18 ..."} when that explains the failure, or "". */
  private static String newerServerHint(ConnectionSpec spec, Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        try (Connection c = spec.open()) {
          int major = c.getMetaData().getDatabaseMajorVersion();
          return MissingFunctionHint.of(sql, major).map(h -> "; " + h).orElse("");
        } catch (SQLException versionUnknown) {
          return "";
        }
      }
    }
    return "";
  }

  private static String causeMessages(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t.getMessage()).append('\n');
    }
    return b.toString();
  }
}
