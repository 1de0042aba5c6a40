package dev.indexlab.bench;

import dev.indexlab.IndexlabException;
import dev.indexlab.IndexlabVersion;
import dev.indexlab.bench.BenchResults.RouteResult;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.ExitCleanup;
import dev.indexlab.db.Secrets;
import dev.indexlab.db.ServerLoss;
import dev.indexlab.db.ServerVersion;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteCatalog;
import dev.indexlab.workload.SampledRows;
import dev.indexlab.workload.Workload;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.util.Version;

/**
 * Measures a workload's routes against a seeded database: selects the routes, tries each once
 * ({@link Preflight}), measures the ones that ran with JMH one route at a time ({@link
 * JmhLauncher}), vacuums what a writing route wrote, and writes {@code jmh.json} (JMH's own
 * format), {@code bench.json} ({@link BenchResults}) and {@code jmh.log} (JMH's console output)
 * into {@code results/<scenario>/}. A failing route is reported and skipped; it never stops the
 * others.
 *
 * <pre>{@code
 * BenchRunner.Outcome o = new BenchRunner(spec, "my server", Map.of(), workload,
 *     BenchSettings.defaults(), progress).run(List.of("users_delete"));
 * System.out.print(ResultTable.render(o.results()));
 * }</pre>
 */
public final class BenchRunner {
  private final ConnectionSpec db;
  private final String targetDescription;
  private final Map<String, String> serverSettings;
  private final Workload workload;
  private final BenchSettings settings;
  private final PrintWriter progress;
  private Map<String, Route> rewrites = Map.of();
  private SampledRows kept = SampledRows.none();
  private Map<String, Double> expectedMs = Map.of();

  /** What a run produced; {@code exitCode} is 0, 1 (a route failed) or 2 (an unknown id). */
  public record Outcome(BenchResults results, int exitCode, Path benchJson, Path jmhJson) {}

  /**
   * @param db the seeded database to measure (never changed unless {@code settings.commit()})
   * @param targetDescription the server, for the results (no password)
   * @param serverSettings settings indexlab applied to the server, for the results
   * @param progress where progress lines go (stderr for the CLI)
   */
  public BenchRunner(
      ConnectionSpec db,
      String targetDescription,
      Map<String, String> serverSettings,
      Workload workload,
      BenchSettings settings,
      PrintWriter progress) {
    this.db = db;
    this.targetDescription = targetDescription;
    this.serverSettings = Map.copyOf(serverSettings);
    this.workload = workload;
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * Measures these routes in place of the workload's routes with the same ids (a candidate's query
   * rewrites); returns this runner.
   */
  public BenchRunner withRewrites(List<Route> replacements) {
    Map<String, Route> byId = new java.util.LinkedHashMap<>();
    replacements.forEach(r -> byId.put(r.id(), r));
    this.rewrites = Map.copyOf(byId);
    return this;
  }

  /**
   * Each route's expected time per call (ms), by route id, so its JMH iterations can be long enough
   * for the significance rule's samples ({@link BenchProfile#iterationFor}); returns this runner.
   */
  public BenchRunner withExpectedMs(Map<String, Double> expected) {
    this.expectedMs = Map.copyOf(expected);
    return this;
  }

  /**
   * Takes the preflight's sampling-query rows from {@code rows} (one run's scenarios hold the same
   * rows); returns this runner.
   */
  public BenchRunner withSampledRows(SampledRows rows) {
    this.kept = rows;
    return this;
  }

  /** Measures {@code routeIds} (every route of the workload when empty). */
  public Outcome run(List<String> routeIds) {
    long startNanos = System.nanoTime();
    Instant started = Instant.now();
    RouteSelection selection = RouteSelection.of(RouteCatalog.load(workload), routeIds);
    List<RouteProblem> failures = new ArrayList<>();
    selection.problems().forEach(p -> fail(failures, p));
    String postgresVersion = postgresVersion();
    List<Route> runnable = new ArrayList<>();
    for (Route original : selection.routes()) {
      Route r = rewrites.getOrDefault(original.id(), original);
      Optional<RouteProblem> p =
          Preflight.check(db, r, settings.seed(), settings.parameterSets(), kept);
      p.ifPresentOrElse(problem -> fail(failures, problem), () -> runnable.add(r));
    }
    Path dir = settings.scenarioDir();
    Path benchJson = dir.resolve("bench.json");
    Path jmhJson = dir.resolve("jmh.json");
    Path jmhLog = dir.resolve("jmh.log");
    List<RunResult> runs = new ArrayList<>();
    List<RouteResult> measured = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      try (ConnectionFile connection = ConnectionFile.write(db);
          PrintStream log = new PrintStream(Files.newOutputStream(jmhLog), true, "UTF-8")) {
        JmhLauncher jmh =
            new JmhLauncher(settings, workload.directory(), connection, log, progress)
                .withRouteFiles(routeFiles())
                .withExpectedMs(expectedMs);
        int n = 0;
        for (Route r : runnable) {
          n++;
          ExitCleanup.activity("measuring route " + r.id() + " (" + settings.scenario() + ")");
          progress.printf(
              Locale.ROOT,
              "bench: measuring %s (%s, %d/%d) ...%n",
              r.id(),
              settings.scenario(),
              n,
              runnable.size());
          progress.flush();
          Measurement m = measure(jmh, r, jmhLog);
          if (m.problem() != null) {
            if (ServerLoss.check(db)) {
              throw new IndexlabException(
                  IndexlabException.JOB_FAILED,
                  ServerLoss.PREFIX + db.maskedUrl() + " takes no connection");
            }
            fail(failures, m.problem());
          } else {
            measured.add(m.result());
            runs.add(m.run());
          }
        }
      }
      // written even when empty, so no earlier run's file is left to be mistaken for this one's
      ResultFormatFactory.getInstance(ResultFormatType.JSON, jmhJson.toString()).writeOut(runs);
      BenchResults results =
          new BenchResults(
              BenchResults.FORMAT,
              IndexlabVersion.current(),
              settings.scenario(),
              workload.name(),
              started.toString(),
              (System.nanoTime() - startNanos) / 1e9,
              environment(postgresVersion),
              settingsRecord(),
              measured,
              failures);
      results.write(benchJson);
      int exit = selection.hasUnknownIds() ? IndexlabException.USAGE : failures.isEmpty() ? 0 : 1;
      return new Outcome(results, exit, benchJson, jmhJson);
    } catch (IOException e) {
      throw new IndexlabException(
          IndexlabException.JOB_FAILED, "cannot write results to " + dir + ": " + e, e);
    }
  }

  private Map<String, Path> routeFiles() {
    Map<String, Path> files = new java.util.HashMap<>();
    rewrites.forEach((id, r) -> files.put(id, r.file().toAbsolutePath()));
    return files;
  }

  /** One route's JMH result, or why there is none. */
  private record Measurement(RouteResult result, RunResult run, RouteProblem problem) {}

  private Measurement measure(JmhLauncher jmh, Route r, Path jmhLog) {
    RunResult run;
    try {
      run = jmh.run(r.id());
    } catch (RunnerException | RuntimeException e) {
      vacuum(r);
      String message =
          r.file() + ": JMH failed: " + JmhErrors.describe(e) + " (details in " + jmhLog + ")";
      return new Measurement(null, null, new RouteProblem(r.id(), "jmh", message));
    }
    List<String> vacuumed = vacuum(r);
    RouteResult result =
        new RouteResult(
            r.id(),
            r.name(),
            workload.directory().relativize(r.file().toAbsolutePath()).toString(),
            r.isolation().sql(),
            r.weight(),
            JmhStatistics.stats(run),
            JmhStatistics.summary(run),
            vacuumed,
            RouteResult.kept(JmhStatistics.samples(run)));
    return new Measurement(result, run, null);
  }

  private List<String> vacuum(Route r) {
    if (!WrittenTables.writes(r)) {
      return List.of();
    }
    try (Connection c = db.open()) {
      List<String> tables = WrittenTables.of(c, r);
      WrittenTables.vacuum(c, tables);
      progress.printf(
          Locale.ROOT,
          "bench: %s writes; vacuumed %s so later routes do not pay for its dead tuples%n",
          r.id(),
          String.join(", ", tables));
      return tables;
    } catch (SQLException e) {
      progress.println("bench: VACUUM after " + r.id() + " failed: " + e.getMessage());
      return List.of();
    }
  }

  private void fail(List<RouteProblem> failures, RouteProblem p) {
    failures.add(p);
    progress.println("bench: FAILED " + p.route() + " (" + p.stage() + "): " + p.message());
    progress.flush();
  }

  private String postgresVersion() {
    try (Connection c = db.open()) {
      return ServerVersion.text(c);
    } catch (SQLException e) {
      throw new IndexlabException(
          IndexlabException.JOB_FAILED,
          "cannot reach " + db.maskedUrl() + ": " + Secrets.scrub(e.getMessage(), db.password()),
          e);
    }
  }

  private BenchResults.Environment environment(String postgresVersion) {
    return new BenchResults.Environment(
        postgresVersion,
        Secrets.maskUrl(targetDescription),
        db.database(),
        serverSettings,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        Version.getPlainVersion());
  }

  private BenchResults.Settings settingsRecord() {
    BenchProfile p = settings.profile();
    return new BenchResults.Settings(
        p.name(),
        p.forks(),
        p.warmupIterations(),
        p.warmupTime().toMillis() / 1000.0,
        p.measurementIterations(),
        p.measurementTime().toMillis() / 1000.0,
        settings.threads(),
        settings.commit() ? "commit" : "rollback",
        settings.seed(),
        settings.scale(),
        settings.parameterSets(),
        "JMH SampleTime");
  }
}
