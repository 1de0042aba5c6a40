package dev.indexlab.explain;

import dev.indexlab.scenario.RunResults;
import dev.indexlab.workload.ParameterSampler;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteFailure;
import dev.indexlab.workload.RouteRunner;
import dev.indexlab.workload.RouteStatement;
import dev.indexlab.workload.SampledRows;
import dev.indexlab.workload.StatementObserver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Captures EXPLAIN (ANALYZE, BUFFERS, SETTINGS, WAL) of every statement of a route as the route
 * really runs: statement by statement inside the route's transaction, with sampled parameters and
 * the values earlier statements returned, each EXPLAIN in a savepoint that is rolled back and the
 * whole route rolled back at the end, so not a single row changes. One warm-up run, then {@code
 * draws} parameter draws; per statement it keeps the median execution time, the spread, and the
 * plan of the median draw (with its foreign-key drill-downs and findings).
 *
 * <p>A statement's shared buffers and WAL include its drill-downs' (the cascade's work), since
 * PostgreSQL reports a trigger's time but not its buffers.
 */
public final class RouteCapture {
  private final int draws;
  private final long seed;
  private final SampledRows kept;
  private final StatementExplainer explainer = new StatementExplainer();
  private final TriggerDrillDown drillDown = new TriggerDrillDown();
  private final FindingDetector detector = new FindingDetector();

  public RouteCapture(int draws, long seed) {
    this(draws, seed, SampledRows.none());
  }

  /** Draws parameters from {@code kept} rows of the sampling queries where it has them. */
  public RouteCapture(int draws, long seed, SampledRows kept) {
    this.draws = Math.max(1, draws);
    this.seed = seed;
    this.kept = kept;
  }

  /**
   * A route's capture: one entry per statement that was reached, the failure if any, and how many
   * draws were explained.
   */
  public record Result(
      List<RunResults.StatementCapture> statements,
      List<RunResults.Finding> findings,
      List<Finding> planFindings,
      String error,
      int draws) {

    /** A capture that failed before any draw. */
    public static Result failed(String error) {
      return new Result(List.of(), List.of(), List.of(), error, 0);
    }
  }

  /**
   * Captures {@code route} on {@code c}; plan files go under {@code planDir} (null: none), named
   * relative to {@code filesRoot} in the result.
   */
  public Result capture(Connection c, Route route, Path planDir, Path filesRoot)
      throws SQLException {
    return capture(c, route, planDir, filesRoot, Double.POSITIVE_INFINITY);
  }

  /**
   * {@link #capture(Connection, Route, Path, Path)}, stopping after the first draw whose statements
   * took more than {@code stopAboveMs} together (EXPLAIN execution times): a route that a change
   * made many times slower is told apart from its baseline by one draw, and five would only spend
   * the run's time on it.
   */
  public Result capture(Connection c, Route route, Path planDir, Path filesRoot, double stopAboveMs)
      throws SQLException {
    List<Map<String, Object>> pool = ParameterSampler.pool(c, route, seed, draws + 1, kept);
    RouteRunner runner = new RouteRunner(route);
    String error = null;
    try {
      runner.run(c, pool.get(0), false, StatementObserver.NONE);
    } catch (RouteFailure e) {
      error = e.getMessage();
    }
    List<List<ExplainedStatement>> perStatement = new ArrayList<>();
    for (int i = 0; i < route.statements().size(); i++) {
      perStatement.add(new ArrayList<>());
    }
    int done = 0;
    for (int d = 1; d <= draws && error == null; d++) {
      double[] drawMs = {0};
      boolean[] lastExplained = {false};
      StatementObserver observer =
          new StatementObserver() {
            @Override
            public void beforeStatement(Connection conn, RouteStatement s, List<Object> values)
                throws SQLException {
              ExplainedStatement e =
                  ExplainedStatement.capture(conn, s.jdbcSql(), values, explainer, drillDown);
              perStatement.get(s.index()).add(e);
              lastExplained[0] = e.result().succeeded();
              if (e.result().succeeded()) {
                drawMs[0] += executionMs(e);
              }
            }

            // the EXPLAIN ANALYZE just ran the last statement; running it again, to be rolled
            // back with nothing after it, would only double the capture's slowest part
            @Override
            public boolean skipsLast(RouteStatement s) {
              return lastExplained[0];
            }
          };
      try {
        runner.run(c, pool.get(d), false, observer);
      } catch (RouteFailure e) {
        error = e.getMessage();
      }
      done = d;
      if (drawMs[0] > stopAboveMs) {
        break;
      }
    }
    List<RunResults.StatementCapture> out = new ArrayList<>();
    List<RunResults.Finding> findings = new ArrayList<>();
    List<Finding> planFindings = new ArrayList<>();
    for (RouteStatement s : route.statements()) {
      List<ExplainedStatement> captured = perStatement.get(s.index());
      if (captured.isEmpty()) {
        continue;
      }
      out.add(summarize(route, s, captured, planDir, filesRoot, findings, planFindings));
    }
    return new Result(out, findings, planFindings, error, done);
  }

  private RunResults.StatementCapture summarize(
      Route route,
      RouteStatement s,
      List<ExplainedStatement> captured,
      Path planDir,
      Path filesRoot,
      List<RunResults.Finding> findings,
      List<Finding> planFindings) {
    List<ExplainedStatement> ok = captured.stream().filter(e -> e.result().succeeded()).toList();
    if (ok.isEmpty()) {
      String why = captured.get(0).result().failureSummary();
      return new RunResults.StatementCapture(
          s.index(),
          s.label(),
          s.sql(),
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          0,
          0,
          0,
          null,
          null,
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          why,
          captured.size());
    }
    List<ExplainedStatement> sorted = new ArrayList<>(ok);
    sorted.sort(Comparator.comparingDouble(RouteCapture::executionMs));
    ExplainedStatement median = sorted.get((sorted.size() - 1) / 2);
    double medianMs = median(sorted);
    Plan plan = median.result().plan();
    String jsonFile = null;
    if (planDir != null) {
      String name = String.format(Locale.ROOT, "%02d-%s", s.index() + 1, slug(s.label()));
      Path json = PlanFiles.save(planDir.resolve(route.id()), name, median).get(0);
      jsonFile = filesRoot == null ? json.toString() : filesRoot.relativize(json).toString();
    }
    // buffers and WAL: the median over the draws of each draw's total (statement plus its
    // cascades), so that two scenarios compare the same parameter sets' work, not whichever draw
    // happened to take the median time in each
    List<long[]> totals = sorted.stream().map(RouteCapture::work).toList();
    long hit = medianOf(totals, 0);
    long read = medianOf(totals, 1);
    long wal = medianOf(totals, 2);
    List<String> indexes = new ArrayList<>();
    List<String> nodes = new ArrayList<>();
    for (Plan p : plans(median)) {
      p.root()
          .walk()
          .forEach(
              n -> {
                if (n.indexName() != null && !indexes.contains(n.indexName())) {
                  indexes.add(n.indexName());
                }
                String rel = n.relationName();
                String schema = n.schema();
                nodes.add(
                    rel == null
                        ? n.nodeType()
                        : n.nodeType() + " on " + (schema == null ? "" : schema + ".") + rel);
              });
    }
    List<RunResults.Finding> mine = new ArrayList<>();
    for (Finding f : median.findings(detector, route.id(), s.index())) {
      planFindings.add(f);
      mine.add(
          new RunResults.Finding(
              f.kind().name(),
              route.id(),
              s.index(),
              f.nodePath() + (f.drillDown() == null ? "" : " via " + f.drillDown()),
              f.relation(),
              f.columns(),
              f.message(),
              doubles(f.numbers())));
    }
    findings.addAll(mine);
    List<RunResults.Trigger> triggers = new ArrayList<>();
    for (TriggerTime t : plan.triggers()) {
      triggers.add(
          new RunResults.Trigger(t.name(), t.relation(), t.timeOrZero(), (long) t.calls()));
    }
    return new RunResults.StatementCapture(
        s.index(),
        s.label(),
        s.sql(),
        medianMs,
        executionMs(sorted.get(0)),
        executionMs(sorted.get(sorted.size() - 1)),
        plan.planningTimeMs() == null ? Double.NaN : plan.planningTimeMs(),
        hit,
        read,
        wal,
        PlanTextRenderer.render(plan, PlanTextRenderer.Options.ANALYZE_BUFFERS),
        jsonFile,
        triggers,
        median.drillDowns().stream().map(RouteCapture::drill).toList(),
        mine,
        indexes,
        nodes,
        null,
        captured.size());
  }

  /** The statement's plan and its drill-downs' plans, cascades of cascades included. */
  private static List<Plan> plans(ExplainedStatement e) {
    List<Plan> plans = new ArrayList<>();
    plans.add(e.result().plan());
    for (DrillDown d : e.drillDowns()) {
      for (DrillDown f : d.flatten()) {
        if (f.plan() != null) {
          plans.add(f.plan());
        }
      }
    }
    return plans;
  }

  /** Shared buffers hit, read, and WAL bytes of one draw, its cascades included. */
  private static long[] work(ExplainedStatement e) {
    long[] out = new long[3];
    for (Plan p : plans(e)) {
      Buffers b = p.root().buffers();
      if (b != null) {
        out[0] += b.sharedHit();
        out[1] += b.sharedRead();
      }
      WalUsage w = p.walTotals();
      if (w != null) {
        out[2] += w.bytes();
      }
    }
    return out;
  }

  private static long medianOf(List<long[]> totals, int k) {
    long[] v = totals.stream().mapToLong(t -> t[k]).sorted().toArray();
    return v[(v.length - 1) / 2];
  }

  private static RunResults.DrillDown drill(DrillDown d) {
    Plan p = d.plan();
    long buffers = 0;
    if (p != null && p.root().buffers() != null) {
      buffers = p.root().buffers().sharedTotal();
    }
    return new RunResults.DrillDown(
        d.constraintName(),
        d.referencingTable(),
        d.referencingColumns(),
        d.action() == null ? null : d.action().name(),
        d.derivedSql(),
        p == null || p.executionTimeMs() == null ? Double.NaN : p.executionTimeMs(),
        buffers,
        p == null ? d.note() : PlanTextRenderer.render(p, PlanTextRenderer.Options.ANALYZE_BUFFERS),
        d.nested().stream().map(RouteCapture::drill).toList());
  }

  private static Map<String, Double> doubles(Map<String, Number> numbers) {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    numbers.forEach((k, v) -> out.put(k, v == null ? null : v.doubleValue()));
    return out;
  }

  private static double executionMs(ExplainedStatement e) {
    Double ms = e.result().plan().executionTimeMs();
    return ms == null ? Double.NaN : ms;
  }

  private static double median(List<ExplainedStatement> sorted) {
    int n = sorted.size();
    if (n % 2 == 1) {
      return executionMs(sorted.get(n / 2));
    }
    return (executionMs(sorted.get(n / 2 - 1)) + executionMs(sorted.get(n / 2))) / 2;
  }

  static String slug(String label) {
    String s = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return s.isEmpty() ? "statement" : (s.length() > 40 ? s.substring(0, 40) : s);
  }
}
