package dev.indexlab.gate;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.explain.DrillDown;
import dev.indexlab.explain.ExplainResult;
import dev.indexlab.explain.Plan;
import dev.indexlab.explain.PlanNode;
import dev.indexlab.explain.StatementExplainer;
import dev.indexlab.explain.TriggerDrillDown;
import dev.indexlab.workload.ParameterSampler;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteRunner;
import dev.indexlab.workload.RouteStatement;
import dev.indexlab.workload.SampledRows;
import dev.indexlab.workload.StatementObserver;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Explains every statement of a route with the first few parameter sets of its pool (the sets JMH
 * cycles through first), as the route runs them: each statement is explained with {@code EXPLAIN
 * (ANALYZE, BUFFERS)} in a savepoint that is rolled back, then run for real so later statements see
 * its {@code @returns} (the last statement is not: nothing after it reads its result); the route's
 * transaction is rolled back at the end. Nothing changes.
 *
 * <p>Foreign-key triggers are followed whatever their share of the time ({@link TriggerDrillDown}
 * with a share of 0): a cascade's plan (the DELETE on {@code song_history} behind a DELETE on
 * {@code users}) is where a dropped index shows, and it must be in the baseline to be compared.
 *
 * <pre>{@code
 * List<StatementSnapshot> s = new GateCapture(3, 42).capture(connection, route);
 * }</pre>
 */
final class GateCapture {
  /** Parameter draws explained per route by default. */
  public static final int DEFAULT_DRAWS = 3;

  private final int draws;
  private final long seed;
  private final StatementExplainer explainer = new StatementExplainer();
  private final TriggerDrillDown drillDown;
  private final SampledRows kept;

  /**
   * @param draws parameter sets explained, at least 1
   * @param seed the seed of the parameter pool (the bench's seed, so the draws are JMH's first)
   */
  public GateCapture(int draws, long seed) {
    this(draws, seed, SampledRows.none());
  }

  /**
   * @param kept rows of the sampling queries already read on this database (by {@link
   *     dev.indexlab.bench.Preflight}), or read here and kept
   */
  public GateCapture(int draws, long seed, SampledRows kept) {
    if (draws < 1) {
      throw IndexlabException.usage(Setting.EXPLAIN_DRAWS + " " + draws + ": must be at least 1");
    }
    this.draws = draws;
    this.seed = seed;
    this.kept = kept;
    this.drillDown = new TriggerDrillDown(explainer, 0.0, TriggerDrillDown.DEFAULT_MAX_DEPTH);
  }

  /**
   * The route's statements with one {@link StatementDraw} per parameter draw. A draw whose route
   * run fails records the failure on the statements it did not reach.
   *
   * @throws SQLException when the connection fails
   * @throws IndexlabException when the route's parameters cannot be sampled
   */
  public List<StatementSnapshot> capture(Connection c, Route route) throws SQLException {
    List<Map<String, Object>> pool = ParameterSampler.pool(c, route, seed, draws, kept);
    Map<Integer, List<StatementDraw>> byStatement = new LinkedHashMap<>();
    route.statements().forEach(s -> byStatement.put(s.index(), new ArrayList<>()));
    RouteRunner runner = new RouteRunner(route);
    for (Map<String, Object> params : pool) {
      Map<Integer, StatementDraw> seen = new LinkedHashMap<>();
      StatementObserver observer =
          new StatementObserver() {
            @Override
            public void beforeStatement(Connection conn, RouteStatement s, List<Object> values) {
              seen.put(s.index(), explain(conn, s, values));
            }

            // EXPLAIN ANALYZE has just run the last statement; running it again, to be rolled back
            // with nothing after it to read its result, would double the slowest part of a capture
            @Override
            public boolean skipsLast(RouteStatement s) {
              StatementDraw d = seen.get(s.index());
              return d != null && d.error() == null;
            }
          };
      String failure = null;
      try {
        runner.run(c, params, false, observer);
      } catch (IndexlabException e) {
        failure = e.getMessage();
      }
      for (RouteStatement s : route.statements()) {
        StatementDraw d = seen.get(s.index());
        if (d == null) {
          d = failed(failure == null ? "not reached" : failure);
        }
        byStatement.get(s.index()).add(d);
      }
    }
    List<StatementSnapshot> out = new ArrayList<>();
    for (RouteStatement s : route.statements()) {
      out.add(new StatementSnapshot(s.index(), s.label(), s.sql(), byStatement.get(s.index())));
    }
    return out;
  }

  private StatementDraw explain(Connection c, RouteStatement s, List<Object> values) {
    ExplainResult r = explainer.explain(c, s.jdbcSql(), values, true);
    if (!r.succeeded()) {
      return failed(r.failureSummary());
    }
    Plan plan = r.plan();
    List<PlanSection> sections = new ArrayList<>();
    sections.add(new PlanSection(PlanSection.STATEMENT, PlanShapes.nodes(plan)));
    long hit = hit(plan);
    long read = read(plan);
    long temp = temp(plan);
    for (DrillDown top : drillDown.drillDown(c, s.jdbcSql(), values, plan)) {
      for (DrillDown d : top.flatten()) {
        if (d.plan() == null) {
          continue;
        }
        sections.add(new PlanSection(cascadeTitle(d), PlanShapes.nodes(d.plan())));
        hit += hit(d.plan());
        read += read(d.plan());
        temp += temp(d.plan());
      }
    }
    double ms = plan.executionTimeMs() == null ? 0 : plan.executionTimeMs();
    return new StatementDraw(ms, hit, read, temp, sections, null);
  }

  /** {@code cascade <constraint>: <statement on one line>}. */
  static String cascadeTitle(DrillDown d) {
    String sql = d.derivedSql() == null ? "" : d.derivedSql().replaceAll("\\s+", " ").strip();
    return "cascade " + d.constraintName() + ": " + sql;
  }

  private static StatementDraw failed(String why) {
    return new StatementDraw(0, 0, 0, 0, List.of(), why);
  }

  private static long hit(Plan p) {
    PlanNode root = p.root();
    return root.buffers() == null ? 0 : root.buffers().sharedHit();
  }

  private static long read(Plan p) {
    PlanNode root = p.root();
    return root.buffers() == null ? 0 : root.buffers().sharedRead();
  }

  private static long temp(Plan p) {
    PlanNode root = p.root();
    return root.buffers() == null ? 0 : root.buffers().tempTotal();
  }
}
