package dev.indexlab.explain;

import dev.indexlab.workload.ParameterSampler;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteFailure;
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
import java.util.function.Predicate;

/**
 * The one capture engine of run, explain and gate: explains every statement of a route with EXPLAIN
 * (ANALYZE, BUFFERS, SETTINGS, WAL) as the route really runs, once per parameter draw, and returns
 * each draw's plans, times, buffers and drill-downs ({@link ExplainedDraw}) for the caller to
 * reduce: run keeps medians ({@link RouteCapture}), the gate keeps every draw.
 *
 * <p>A route's draws: one warm-up execution of the whole route, not explained, with the parameter
 * set after the last draw's (so no draw finds its own rows cached by it); then draw k = 1..{@code
 * draws} with the pool's set k, the same set wherever the route is explained with the same seed and
 * sampled rows (the gate's baselines recorded before the warm-up explained the same sets). Each
 * statement is explained in a savepoint that is rolled back, then run for real so later statements
 * see its {@code @returns} (the last one is not: nothing after it reads its result), and the
 * route's transaction is rolled back at the end: not a single row changes.
 *
 * <pre>{@code
 * RouteExplainer.Result r = new RouteExplainer(3, 42, SampledRows.none(), new TriggerDrillDown())
 *     .explain(connection, route, RouteExplainer.EVERY_DRAW);
 * }</pre>
 */
public final class RouteExplainer {
  /** Explains every draw, whatever fails. */
  public static final Predicate<ExplainedDraw> EVERY_DRAW = d -> false;

  private final int draws;
  private final long seed;
  private final SampledRows kept;
  private final StatementExplainer explainer = new StatementExplainer();
  private final TriggerDrillDown drillDown;

  /**
   * The draws of a route and the first failure, the warm-up's included.
   *
   * @param draws the draws made, in order
   * @param failure the first failure (of the warm-up or a draw), or null
   */
  public record Result(List<ExplainedDraw> draws, String failure) {}

  /**
   * @param draws parameter draws explained per route, at least 1 (the command line checks it)
   * @param seed the seed of the parameter pool (the bench's seed, so the draws are JMH's first)
   * @param kept rows of the sampling queries already read on this database, or read here and kept
   * @param drillDown which foreign-key triggers are followed into their cascades' plans
   */
  public RouteExplainer(int draws, long seed, SampledRows kept, TriggerDrillDown drillDown) {
    if (draws < 1) {
      throw new IllegalArgumentException("draws must be at least 1, was " + draws);
    }
    this.draws = draws;
    this.seed = seed;
    this.kept = kept;
    this.drillDown = drillDown;
  }

  /**
   * Explains {@code route}'s draws on {@code c}, stopping after the warm-up or the first draw that
   * {@code stopAfter} accepts (the warm-up is offered as draw 0, with no statement explained).
   *
   * @throws SQLException when the connection fails
   * @throws dev.indexlab.IndexlabException when the route's parameters cannot be sampled
   */
  public Result explain(Connection c, Route route, Predicate<ExplainedDraw> stopAfter)
      throws SQLException {
    List<Map<String, Object>> pool = ParameterSampler.pool(c, route, seed, draws + 1, kept);
    RouteRunner runner = new RouteRunner(route);
    ExplainedDraw warmUp = run(c, runner, 0, pool.get(draws), false);
    String failure = warmUp.failure();
    List<ExplainedDraw> out = new ArrayList<>();
    if (stopAfter.test(warmUp)) {
      return new Result(out, failure);
    }
    for (int k = 1; k <= draws; k++) {
      ExplainedDraw draw = run(c, runner, k, pool.get(k - 1), true);
      out.add(draw);
      failure = failure == null ? draw.failure() : failure;
      if (stopAfter.test(draw)) {
        break;
      }
    }
    return new Result(out, failure);
  }

  /** Runs the route once with {@code parameters}, each statement explained first if asked. */
  private ExplainedDraw run(
      Connection c, RouteRunner runner, int number, Map<String, Object> parameters, boolean explain)
      throws SQLException {
    Map<Integer, ExplainedStatement> seen = new LinkedHashMap<>();
    StatementObserver observer =
        !explain
            ? StatementObserver.NONE
            : new StatementObserver() {
              @Override
              public void beforeStatement(Connection conn, RouteStatement s, List<Object> values) {
                seen.put(
                    s.index(),
                    ExplainedStatement.capture(conn, s.jdbcSql(), values, explainer, drillDown));
              }

              // the EXPLAIN ANALYZE just ran the last statement; running it again, to be rolled
              // back with nothing after it, would only double the capture's slowest part
              @Override
              public boolean skipsLast(RouteStatement s) {
                ExplainedStatement e = seen.get(s.index());
                return e != null && e.result().succeeded();
              }
            };
    String failure = null;
    try {
      runner.run(c, parameters, false, observer);
    } catch (RouteFailure e) {
      failure = e.getMessage();
    }
    return new ExplainedDraw(number, parameters, seen, failure);
  }
}
