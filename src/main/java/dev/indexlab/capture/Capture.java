package dev.indexlab.capture;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.text.OneLine;
import dev.indexlab.workload.ParamFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code indexlab capture}: writes a workload directory from what a running database recorded.
 *
 * <pre>{@code
 * CaptureSummary s = Capture.run(db, CaptureSettings.defaults(Path.of("captured")));
 * s.lines().forEach(System.out::println);
 * }</pre>
 *
 * Statements come from pg_stat_statements ({@link StatementStatistics}), or with {@link
 * CaptureSettings#log()} from a server log with their parameter values ({@link ServerLog}). They
 * are sorted ({@link StatementTriage}), selected ({@link StatementSelection}), and each one becomes
 * a route file ({@link RouteFileWriter}) whose parameters {@link ParameterSources} decided. Nothing
 * is written to the database: the session is read-only, and statements are only PREPAREd (analyzed,
 * not run).
 */
public final class Capture {
  /** Where logged parameter values go, relative to the workload directory. */
  static final String PARAMS_DIR = "data/params";

  /** At most this many logged value sets are kept per statement. */
  static final int MAX_VALUE_SETS = 2_000;

  private Capture() {}

  public static CaptureSummary run(ConnectionSpec db, CaptureSettings settings)
      throws SQLException, IOException {
    long start = System.nanoTime();
    refuseNonEmpty(settings.out());
    SchemaDump dump = settings.schema() ? SchemaDump.check(db, settings.pgDump()) : null;
    try (Connection c = db.open()) {
      try (Statement st = c.createStatement()) {
        st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
      }
      String source;
      List<CapturedStatement> statements;
      if (settings.log().isPresent()) {
        Path file = settings.log().get();
        statements = fromLog(file, db.database());
        source = "the server log " + file.getFileName();
      } else {
        statements = StatementStatistics.read(c);
        source = "pg_stat_statements";
      }
      Map<String, Integer> leftOut = new LinkedHashMap<>();
      List<StatementSelection.Candidate> offered = new ArrayList<>();
      for (CapturedStatement s : statements) {
        StatementTriage.Verdict v = StatementTriage.of(s.sql());
        if (v.leftOut() != null) {
          leftOut.merge(v.leftOut(), 1, Integer::sum);
        } else {
          offered.add(new StatementSelection.Candidate(s, v));
        }
      }
      StatementSelection sel =
          StatementSelection.select(offered, settings.top(), settings.minCalls(), settings.share());
      if (sel.chosen().isEmpty()) {
        throw new IndexlabException(
            IndexlabException.JOB_FAILED,
            String.format(
                Locale.ROOT,
                "no statement of database %s in %s is above the thresholds: %d statements"
                    + " considered (%,.0f ms), %d below "
                    + Setting.MIN_CALLS
                    + " %d, %d left out (utility,"
                    + " catalog, indexlab's own)",
                db.database(),
                source,
                offered.size(),
                sel.totalMs(),
                sel.belowMinCalls(),
                settings.minCalls(),
                leftOut.values().stream().mapToInt(Integer::intValue).sum()));
      }
      Files.createDirectories(settings.out());
      ParameterSources sources = new ParameterSources(c);
      Set<String> ids = new HashSet<>();
      List<Path> routes = new ArrayList<>();
      Map<Path, String> skipped = new LinkedHashMap<>();
      long todos = 0;
      for (StatementSelection.Candidate cand : sel.chosen()) {
        CapturedStatement s = cand.statement();
        StatementTriage.Verdict v = (StatementTriage.Verdict) cand.detail();
        String verb =
            v.parsed() == null
                ? StatementParser.dataVerb(s.sql()).orElse("SQL")
                : v.parsed().verb();
        String table =
            v.parsed() == null || v.parsed().mainTable() == null
                ? "statement"
                : v.parsed().mainTable().plainName();
        String base = idOf(verb + "_" + table);
        String id = ParameterSources.unique(base, ids);
        String routeName =
            verb + " " + table + (id.equals(base) ? "" : " #" + id.substring(base.length() + 1));
        Path file = settings.out().resolve(id + ".sql");
        double share = sel.totalMs() > 0 ? s.totalMs() / sel.totalMs() : 0;
        String origin = source + " of database " + db.database();
        String reason = v.parseError();
        ParameterPlan plan = null;
        if (reason == null) {
          try {
            plan = sources.plan(s, v.parsed(), PARAMS_DIR + "/" + id + ".csv");
          } catch (SQLException e) {
            reason =
                "the server could not prepare it: "
                    + OneLine.first(Objects.toString(e.getMessage(), "").strip());
          }
        }
        if (reason != null) {
          RouteFileWriter.write(
              file,
              new RouteFileWriter.Content(routeName, s, share, origin, List.of(), "", reason));
          skipped.put(file, reason);
          continue;
        }
        RouteFileWriter.write(
            file,
            new RouteFileWriter.Content(
                routeName,
                s,
                share,
                origin,
                plan.params(),
                Placeholders.named(s.sql(), plan.names()),
                null));
        if (!s.loggedValues().isEmpty() && !plan.names().isEmpty()) {
          writeValues(settings.out().resolve(PARAMS_DIR).resolve(id + ".csv"), s, plan);
        }
        todos += plan.todos();
        routes.add(file);
      }
      writeProperties(settings.out(), db, source);
      if (dump != null) {
        dump.write(settings.out().resolve("schema.sql"));
      }
      return new CaptureSummary(
          settings.out(),
          source,
          routes,
          skipped,
          leftOut,
          offered.size(),
          sel.belowMinCalls(),
          sel.chosenShare(),
          sel.totalMs(),
          todos,
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** The log's executions on {@code database}, one statement per distinct text. */
  static List<CapturedStatement> fromLog(Path file, String database) {
    Map<String, List<ServerLog.Execution>> byText = new LinkedHashMap<>();
    for (ServerLog.Execution e : ServerLog.read(file)) {
      if (e.database() != null && !e.database().equals(database)) {
        continue;
      }
      byText.computeIfAbsent(e.sql(), k -> new ArrayList<>()).add(e);
    }
    List<CapturedStatement> out = new ArrayList<>();
    byText.forEach(
        (sql, runs) -> {
          double total = runs.stream().mapToDouble(ServerLog.Execution::durationMs).sum();
          List<Map<Integer, String>> values = new ArrayList<>();
          for (ServerLog.Execution e : runs) {
            if (!e.values().isEmpty() && values.size() < MAX_VALUE_SETS) {
              values.add(e.values());
            }
          }
          out.add(new CapturedStatement(null, sql, runs.size(), total, -1, values));
        });
    return out;
  }

  private static void writeValues(Path file, CapturedStatement s, ParameterPlan plan)
      throws IOException {
    List<String> header = new ArrayList<>();
    plan.names().keySet().stream()
        .sorted()
        .forEach(
            n -> {
              String type = plan.types().getOrDefault(n, "");
              header.add(plan.names().get(n) + (type.isEmpty() ? "" : ":" + type));
            });
    List<List<String>> rows = new ArrayList<>();
    for (Map<Integer, String> set : s.loggedValues()) {
      List<String> row = new ArrayList<>();
      plan.names().keySet().stream().sorted().forEach(n -> row.add(set.get(n)));
      rows.add(row);
    }
    ParamFile.write(file, header, rows);
  }

  private static void writeProperties(Path out, ConnectionSpec db, String source)
      throws IOException {
    String text =
        "# captured by indexlab capture from "
            + source
            + " of "
            + db.maskedUrl()
            + "\n# no schema: run it against that database (docs/workloads.md, \"Capture\")\n"
            + "name="
            + db.database()
            + "\n";
    Files.writeString(out.resolve("workload.properties"), text, StandardCharsets.UTF_8);
  }

  private static void refuseNonEmpty(Path out) throws IOException {
    if (Files.isDirectory(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw IndexlabException.usage(
              Setting.OUT
                  + " "
                  + out
                  + ": the directory is not empty; capture writes a new workload");
        }
      }
    } else if (Files.exists(out)) {
      throw IndexlabException.usage(Setting.OUT + " " + out + ": not a directory");
    }
  }

  private static String idOf(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
  }
}
