package dev.indexlab.explain;

import dev.indexlab.results.Finding;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement explained with one parameter draw, its foreign-key drill-downs attached: what a
 * route's draw ({@link ExplainedDraw}) holds per statement, and what run and gate both read their
 * figures from.
 *
 * <pre>{@code
 * ExplainedStatement s = ExplainedStatement.capture(c, "DELETE FROM users WHERE id = ?",
 *     List.of(300L), new StatementExplainer(), new TriggerDrillDown());
 * List<Finding> f = s.findings(new FindingDetector(), "users_delete", 1);
 * }</pre>
 *
 * @param result the statement's plan or its failure
 * @param drillDowns the drill-downs of the foreign-key triggers its {@link TriggerDrillDown}
 *     followed (empty if none)
 */
public record ExplainedStatement(ExplainResult result, List<DrillDown> drillDowns) {

  public ExplainedStatement {
    drillDowns = List.copyOf(drillDowns);
  }

  /**
   * One execution's shared buffers hit and read, temp blocks (a spill), WAL bytes, and rows
   * examined (every scan's rows returned or filtered out, times its loops), its cascades' included.
   */
  public record Work(
      long sharedHit, long sharedRead, long tempBlocks, long walBytes, long rowsExamined) {}

  /** Explains the statement (analyzed, rolled back) and drills into its triggers. */
  static ExplainedStatement capture(
      Connection c,
      String jdbcSql,
      List<Object> params,
      StatementExplainer explainer,
      TriggerDrillDown drillDown) {
    ExplainResult r = explainer.explain(c, jdbcSql, params, true);
    if (!r.succeeded()) {
      return new ExplainedStatement(r, List.of());
    }
    return new ExplainedStatement(r, drillDown.drillDown(c, jdbcSql, params, r.plan()));
  }

  /** The findings of the plan and its drill-downs; empty when the statement failed. */
  public List<Finding> findings(FindingDetector detector, String routeId, Integer index) {
    if (!result.succeeded()) {
      return List.of();
    }
    return detector.detect(result.plan(), drillDowns, routeId, index);
  }

  /** The statement's execution time in ms; NaN when it failed or the plan does not say. */
  public double executionMs() {
    Double ms = result.succeeded() ? result.plan().executionTimeMs() : null;
    return ms == null ? Double.NaN : ms;
  }

  /** The statement's plan and its drill-downs' plans, cascades of cascades included. */
  public List<Plan> plans() {
    List<Plan> plans = new ArrayList<>();
    if (!result.succeeded()) {
      return plans;
    }
    plans.add(result.plan());
    cascades().forEach(d -> plans.add(d.plan()));
    return plans;
  }

  /** The drill-downs, nested ones included, that explained a cascade's statement, in order. */
  public List<DrillDown> cascades() {
    return drillDowns.stream()
        .flatMap(d -> d.flatten().stream())
        .filter(d -> d.plan() != null)
        .toList();
  }

  /**
   * The work of this execution, summed over {@link #plans()}: PostgreSQL reports a trigger's time
   * but not its buffers, so the cascades' plans are added.
   */
  public Work work() {
    long hit = 0;
    long read = 0;
    long temp = 0;
    long wal = 0;
    long examined = 0;
    for (Plan p : plans()) {
      Buffers b = p.root().buffers();
      if (b != null) {
        hit += b.sharedHit();
        read += b.sharedRead();
        temp += b.tempTotal();
      }
      WalUsage w = p.walTotals();
      if (w != null) {
        wal += w.bytes();
      }
      examined += p.root().walk().mapToLong(ExplainedStatement::examined).sum();
    }
    return new Work(hit, read, temp, wal, examined);
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
}
