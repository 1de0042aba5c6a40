package dev.indexlab.scenario;

import dev.indexlab.IndexlabException;
import dev.indexlab.bench.BenchResults;
import dev.indexlab.bench.BenchRunner;
import dev.indexlab.bench.BenchSettings;
import dev.indexlab.bench.RouteProblem;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.explain.FindingsFile;
import dev.indexlab.explain.RouteCapture;
import dev.indexlab.results.Finding;
import dev.indexlab.results.RunResults;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteTables;
import dev.indexlab.workload.SampledRows;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Measures a set of routes on one scenario's database: EXPLAIN capture first (rolled back, with
 * drill-downs and findings), then JMH. Rewritten routes replace the workload's routes of the same
 * id. Plans go to {@code resultsDir/plans/<scenario>/}, JMH files to {@code
 * resultsDir/<scenario>/}.
 */
final class ScenarioMeasurer {
  private final DatabaseTarget target;
  private final Workload workload;
  private final BenchSettings bench;
  private final int draws;
  private final Path resultsDir;
  private final PrintWriter progress;
  private final SampledRows sampled;
  private final Map<String, List<Finding>> findingsByScenario = new LinkedHashMap<>();

  /**
   * The draw each route's pages show, by route id: chosen by the first scenario that captures the
   * route (the baseline), then asked of every other, so that before and after show the same query.
   */
  private final Map<String, Integer> shownDraws = new LinkedHashMap<>();

  public ScenarioMeasurer(
      DatabaseTarget target,
      Workload workload,
      BenchSettings bench,
      int draws,
      Path resultsDir,
      PrintWriter progress) {
    this.target = target;
    this.workload = workload;
    this.bench = bench;
    this.draws = draws;
    this.resultsDir = resultsDir;
    this.progress = progress;
    // with --commit every measurement changes the rows, so each one samples them again
    this.sampled = bench.commit() ? SampledRows.none() : SampledRows.forOneRun();
  }

  /**
   * The sampling queries' rows, read once for all the scenarios this measurer measures: they are
   * copies of one template (or one database, reverted), so they hold the same rows; unless the run
   * commits its invocations, when nothing is kept.
   */
  public SampledRows sampled() {
    return sampled;
  }

  /**
   * The plan findings of {@code scenario}'s latest capture (also written to its {@code
   * findings.json}), in route order; empty when it was not captured.
   */
  public List<Finding> findings(String scenario) {
    return findingsByScenario.getOrDefault(scenario, List.of());
  }

  /** Captures and benchmarks {@code routes} (already with any rewrites) on {@code db}. */
  public RunResults.ScenarioResult measure(
      String scenario, List<String> candidates, ConnectionSpec db, List<Route> routes) {
    Captured captured = capture(scenario, db, routes);
    return assemble(
        scenario,
        candidates,
        routes,
        captured,
        bench(
            scenario, db, routes, routes.stream().map(Route::id).toList(), captured.expectedMs()));
  }

  /**
   * JMH of the routes of {@code routes} for which {@code benchIf} holds given their capture in
   * {@code captured}; each route left out is named in the log.
   */
  public Jmh benchWhere(
      String scenario,
      ConnectionSpec db,
      List<Route> routes,
      Captured captured,
      BiPredicate<Route, RouteCapture.Result> benchIf) {
    List<String> benched = new ArrayList<>();
    for (Route r : routes) {
      RouteCapture.Result cap = captured.captures().get(r.id());
      if (benchIf.test(r, cap)) {
        benched.add(r.id());
      } else {
        progress.println(
            "bench: "
                + scenario
                + " "
                + r.id()
                + " not timed under JMH: the change cannot have altered it, or its EXPLAIN shows"
                + " neither the gain nor the extra work the rule asks JMH to confirm");
      }
    }
    return bench(scenario, db, routes, benched, captured.expectedMs());
  }

  /** JMH results by route id and the routes that failed under JMH. */
  public record Jmh(Map<String, BenchResults.RouteResult> routes, List<RouteProblem> failures) {
    /** Nothing measured. */
    public static Jmh none() {
      return new Jmh(Map.of(), List.of());
    }

    /** This and {@code more} together. */
    public Jmh plus(Jmh more) {
      Map<String, BenchResults.RouteResult> r = new LinkedHashMap<>(routes);
      r.putAll(more.routes());
      List<RouteProblem> f = new ArrayList<>(failures);
      f.addAll(more.failures());
      return new Jmh(r, f);
    }

    /** {@code r} with its JMH timing from these results when they timed it, else as it was. */
    public RunResults.RouteResult retimed(RunResults.RouteResult r) {
      BenchResults.RouteResult measured = routes.get(r.id());
      return measured == null ? r : r.withTiming(measured.timing());
    }
  }

  /** What {@link #capture} found: each route's capture and HOT-update share, by route id. */
  public record Captured(Map<String, RouteCapture.Result> captures, Map<String, Double> hot) {
    /**
     * Each captured route's EXPLAIN time (the median of its draws' totals), by id: what JMH expects
     * a call to take, to size its iterations.
     */
    public Map<String, Double> expectedMs() {
      Map<String, Double> out = new LinkedHashMap<>();
      captures.forEach(
          (id, c) -> {
            if (c != null && c.drawTotals() != null) {
              out.put(id, c.drawTotals().medianMs());
            }
          });
      return out;
    }
  }

  /**
   * EXPLAIN capture of every route (rolled back, with drill-downs); plans and the scenario's
   * findings go to {@code resultsDir/plans/<scenario>/}.
   */
  public Captured capture(String scenario, ConnectionSpec db, List<Route> routes) {
    return capture(scenario, db, routes, Map.of());
  }

  /**
   * {@link #capture(String, ConnectionSpec, List)}, where a route of {@code stopAboveMs} stops
   * after the first draw whose EXPLAIN times add up to more than its value (the log says so).
   */
  public Captured capture(
      String scenario, ConnectionSpec db, List<Route> routes, Map<String, Double> stopAboveMs) {
    Path planDir = resultsDir.resolve("plans").resolve(scenario);
    RouteCapture capture = new RouteCapture(draws, bench.seed(), sampled);
    Map<String, RouteCapture.Result> captures = new LinkedHashMap<>();
    Map<String, Double> hot = new LinkedHashMap<>();
    List<Finding> findings = new ArrayList<>();
    try (Connection c = db.open()) {
      for (Route r : routes) {
        progress.println("explain: " + scenario + " " + r.id());
        progress.flush();
        try {
          HotUpdateCounter.Reading before = HotUpdateCounter.read(c);
          double stop = stopAboveMs.getOrDefault(r.id(), Double.POSITIVE_INFINITY);
          RouteCapture.Result result =
              capture.capture(c, r, planDir, resultsDir, stop, shownDraws.getOrDefault(r.id(), 0));
          if (result.shownDraw() > 0) {
            shownDraws.putIfAbsent(r.id(), result.shownDraw());
          }
          if (result.error() == null && result.draws() < draws) {
            progress.printf(
                java.util.Locale.ROOT,
                "explain: %s %s stopped after %d of %d draws: a draw took over %.0f ms, at least"
                    + " ten times its slowest baseline draw%n",
                scenario,
                r.id(),
                result.draws(),
                draws,
                stop);
          }
          hot.put(r.id(), HotUpdateCounter.read(c).shareSince(before));
          captures.put(r.id(), result);
          findings.addAll(result.findings());
        } catch (IndexlabException e) {
          captures.put(r.id(), RouteCapture.Result.failed(e.getMessage()));
        }
      }
    } catch (SQLException e) {
      throw IndexlabException.failed(
          "cannot connect to scenario " + scenario + ": " + e.getMessage(), e);
    }
    FindingsFile.write(planDir, scenario, findings);
    findingsByScenario.put(scenario, List.copyOf(findings));
    return new Captured(captures, hot);
  }

  /**
   * JMH of the routes {@code ids} among {@code routes} (which carry any rewrites) on {@code db};
   * its files go to {@code resultsDir/<name>/}. Nothing is run when {@code ids} is empty.
   */
  public Jmh bench(String name, ConnectionSpec db, List<Route> routes, List<String> ids) {
    return bench(name, db, routes, ids, Map.of());
  }

  /**
   * {@link #bench(String, ConnectionSpec, List, List)}, each route's iterations sized for the
   * significance rule's samples from its expected time per call ({@code expectedMs}, by id).
   */
  public Jmh bench(
      String name,
      ConnectionSpec db,
      List<Route> routes,
      List<String> ids,
      Map<String, Double> expectedMs) {
    if (ids.isEmpty()) {
      return Jmh.none();
    }
    List<Route> rewrites =
        routes.stream().filter(r -> !r.file().getParent().equals(workload.directory())).toList();
    BenchResults results =
        new BenchRunner(
                db,
                target.description(),
                target.appliedSettings(),
                workload,
                bench.withScenario(name),
                progress)
            .withRewrites(rewrites)
            .withSampledRows(sampled)
            .withExpectedMs(expectedMs)
            .run(ids)
            .results();
    Map<String, BenchResults.RouteResult> byId = new LinkedHashMap<>();
    results.routes().forEach(r -> byId.put(r.id(), r));
    return new Jmh(byId, results.failures());
  }

  /**
   * The scenario's result from its captures and JMH results (a route JMH did not time has no
   * timing); a route's capture error comes first, then its JMH failure.
   */
  public RunResults.ScenarioResult assemble(
      String scenario, List<String> candidates, List<Route> routes, Captured captured, Jmh jmh) {
    List<String> errors = new ArrayList<>();
    List<RunResults.RouteResult> results = new ArrayList<>();
    for (Route r : routes) {
      RouteCapture.Result cap = captured.captures().get(r.id());
      BenchResults.RouteResult measured = jmh.routes().get(r.id());
      RunResults.Timing timing = measured == null ? null : measured.timing();
      String error = cap.error();
      for (RouteProblem p : jmh.failures()) {
        if (p.route().equals(r.id())) {
          error = error == null ? p.message() : error;
        }
      }
      if (error != null) {
        errors.add(r.id() + ": " + error);
      }
      results.add(
          new RunResults.RouteResult(
              r.id(),
              r.name(),
              workload.directory().relativize(r.file().toAbsolutePath()).toString(),
              r.weight(),
              !RouteTables.written(r).isEmpty(),
              timing,
              cap.statements(),
              error,
              captured.hot().get(r.id()),
              cap.drawTotals(),
              r.description().isBlank() ? null : r.description()));
    }
    return new RunResults.ScenarioResult(scenario, candidates, results, errors);
  }
}
