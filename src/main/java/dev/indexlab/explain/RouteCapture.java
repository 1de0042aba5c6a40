package dev.indexlab.explain;

import dev.indexlab.results.Finding;
import dev.indexlab.results.RunResults;
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
      List<Finding> findings,
      String error,
      int draws,
      RunResults.Draws drawTotals) {

    /** A capture that failed before any draw. */
    public static Result failed(String error) {
      return new Result(List.of(), List.of(), error, 0, null);
    }

    /** The draw whose plans this capture shows (1-based, the parameter set's number), or 0. */
    public int shownDraw() {
      return drawTotals == null ? 0 : drawTotals.shown();
    }
  }

  /**
   * Captures {@code route} on {@code c}; plan files go under {@code planDir} (null: none), named
   * relative to {@code filesRoot} in the result.
   */
  public Result capture(Connection c, Route route, Path planDir, Path filesRoot)
      throws SQLException {
    return capture(c, route, planDir, filesRoot, Double.POSITIVE_INFINITY, 0);
  }

  /**
   * {@link #capture(Connection, Route, Path, Path)}, stopping after the first draw whose statements
   * took more than {@code stopAboveMs} together (EXPLAIN execution times): a route that a change
   * made many times slower is told apart from its baseline by one draw, and five would only spend
   * the run's time on it.
   *
   * <p>Every draw is one execution of the whole route with one parameter set, and draw k uses the
   * same parameter set wherever the route is captured with the same seed and sampled rows. The
   * plans kept (files, findings, triggers, drill-downs) are all of one draw: {@code shownDraw} when
   * it was explained (the draw another scenario showed, so both show the same query), otherwise the
   * draw whose route total is the median.
   */
  public Result capture(
      Connection c, Route route, Path planDir, Path filesRoot, double stopAboveMs, int shownDraw)
      throws SQLException {
    List<Map<String, Object>> pool = ParameterSampler.pool(c, route, seed, draws + 1, kept);
    RouteRunner runner = new RouteRunner(route);
    String error = null;
    try {
      runner.run(c, pool.get(0), false, StatementObserver.NONE);
    } catch (RouteFailure e) {
      error = e.getMessage();
    }
    List<Map<Integer, ExplainedStatement>> perStatement = new ArrayList<>();
    for (int i = 0; i < route.statements().size(); i++) {
      perStatement.add(new java.util.LinkedHashMap<>());
    }
    List<Double> totals = new ArrayList<>();
    int done = 0;
    for (int d = 1; d <= draws && error == null; d++) {
      final int draw = d;
      double[] drawMs = {0};
      boolean[] lastExplained = {false};
      StatementObserver observer =
          new StatementObserver() {
            @Override
            public void beforeStatement(Connection conn, RouteStatement s, List<Object> values)
                throws SQLException {
              ExplainedStatement e =
                  ExplainedStatement.capture(conn, s.jdbcSql(), values, explainer, drillDown);
              perStatement.get(s.index()).put(draw, e);
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
      if (error == null && complete(perStatement, d)) {
        totals.add(drawMs[0]);
      }
      if (drawMs[0] > stopAboveMs) {
        break;
      }
    }
    int shown = shownDraw(perStatement, totals, shownDraw);
    List<RunResults.StatementCapture> out = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (RouteStatement s : route.statements()) {
      Map<Integer, ExplainedStatement> captured = perStatement.get(s.index());
      if (captured.isEmpty()) {
        continue;
      }
      out.add(summarize(route, s, captured, shown, planDir, filesRoot, findings));
    }
    RunResults.Draws drawTotals =
        totals.isEmpty()
            ? null
            : new RunResults.Draws(List.copyOf(totals), shown, parameters(pool, shown));
    return new Result(out, findings, error, done, drawTotals);
  }

  /** Whether every statement of the route was explained, successfully, in draw {@code d}. */
  private static boolean complete(List<Map<Integer, ExplainedStatement>> perStatement, int d) {
    for (Map<Integer, ExplainedStatement> m : perStatement) {
      ExplainedStatement e = m.get(d);
      if (e == null || !e.result().succeeded()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The draw to show: {@code wanted} when every statement was explained in it; otherwise the
   * complete draw whose route total is the (lower) median; otherwise the first draw explained.
   */
  private static int shownDraw(
      List<Map<Integer, ExplainedStatement>> perStatement, List<Double> totals, int wanted) {
    if (wanted > 0 && complete(perStatement, wanted)) {
      return wanted;
    }
    List<Integer> completeDraws = new ArrayList<>();
    for (Integer d : perStatement.isEmpty() ? List.<Integer>of() : perStatement.get(0).keySet()) {
      if (complete(perStatement, d)) {
        completeDraws.add(d);
      }
    }
    if (!completeDraws.isEmpty() && completeDraws.size() == totals.size()) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < totals.size(); i++) {
        order.add(i);
      }
      order.sort(Comparator.comparingDouble(totals::get));
      return completeDraws.get(order.get((order.size() - 1) / 2));
    }
    for (Map<Integer, ExplainedStatement> m : perStatement) {
      if (!m.isEmpty()) {
        return m.keySet().iterator().next();
      }
    }
    return 0;
  }

  /** The parameter values of draw {@code d} as text, by name, for the pages. */
  private static Map<String, String> parameters(List<Map<String, Object>> pool, int d) {
    Map<String, String> out = new java.util.TreeMap<>();
    if (d > 0 && d < pool.size()) {
      pool.get(d).forEach((k, v) -> out.put(k, String.valueOf(v)));
    }
    return out;
  }

  private RunResults.StatementCapture summarize(
      Route route,
      RouteStatement s,
      Map<Integer, ExplainedStatement> byDraw,
      int shown,
      Path planDir,
      Path filesRoot,
      List<Finding> findings) {
    List<ExplainedStatement> captured = List.copyOf(byDraw.values());
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
          captured.size(),
          -1);
    }
    List<ExplainedStatement> sorted = new ArrayList<>(ok);
    sorted.sort(Comparator.comparingDouble(RouteCapture::executionMs));
    // the plans shown are the shown draw's, every statement's from the same execution
    ExplainedStatement shownPlan =
        byDraw.get(shown) != null && byDraw.get(shown).result().succeeded()
            ? byDraw.get(shown)
            : sorted.get((sorted.size() - 1) / 2);
    double medianMs = median(sorted);
    Plan plan = shownPlan.result().plan();
    String jsonFile = null;
    if (planDir != null) {
      String name = String.format(Locale.ROOT, "%02d-%s", s.index() + 1, slug(s.label()));
      Path json = PlanFiles.save(planDir.resolve(route.id()), name, shownPlan).get(0);
      jsonFile = filesRoot == null ? json.toString() : filesRoot.relativize(json).toString();
    }
    // buffers and WAL: the median over the draws of each draw's total (statement plus its
    // cascades), so that two scenarios compare the same parameter sets' work, not whichever draw
    // happened to take the median time in each
    List<long[]> totals = sorted.stream().map(RouteCapture::work).toList();
    long hit = medianOf(totals, 0);
    long read = medianOf(totals, 1);
    long wal = medianOf(totals, 2);
    long examined = medianOf(totals, 3);
    List<String> indexes = new ArrayList<>();
    List<String> nodes = new ArrayList<>();
    for (Plan p : plans(shownPlan)) {
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
    List<Finding> mine = shownPlan.findings(detector, route.id(), s.index());
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
        shownPlan.drillDowns().stream().map(RouteCapture::drill).toList(),
        mine,
        indexes,
        nodes,
        null,
        captured.size(),
        examined);
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

  /**
   * Shared buffers hit, read, WAL bytes and rows examined (every scan's rows returned and filtered
   * out, times its loops) of one draw, its cascades included.
   */
  private static long[] work(ExplainedStatement e) {
    long[] out = new long[4];
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
      out[3] += p.root().walk().mapToLong(RouteCapture::examined).sum();
    }
    return out;
  }

  /** Rows a scan node read: returned or removed by its filter or recheck, over all its loops. */
  private static long examined(PlanNode n) {
    if (n.nodeType() == null || !n.nodeType().endsWith("Scan") || n.actualRows() == null) {
      return 0;
    }
    double perLoop =
        n.actualRows()
            + (n.rowsRemovedByFilter() == null ? 0 : n.rowsRemovedByFilter())
            + (n.rowsRemovedByIndexRecheck() == null ? 0 : n.rowsRemovedByIndexRecheck());
    double loops = n.actualLoops() == null ? 1 : n.actualLoops();
    return Math.round(perLoop * loops);
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
