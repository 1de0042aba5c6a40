package dev.indexlab.explain;

import dev.indexlab.results.Finding;
import java.sql.Connection;
import java.util.List;

/**
 * One statement explained with its foreign-key drill-downs attached: what a route capture keeps per
 * statement.
 *
 * <pre>{@code
 * ExplainedStatement s = ExplainedStatement.capture(c, "DELETE FROM users WHERE id = ?",
 *     List.of(300L), new StatementExplainer(), new TriggerDrillDown());
 * List<Finding> f = s.findings(new FindingDetector(), "users_delete", 1);
 * }</pre>
 *
 * @param result the statement's plan or its failure
 * @param drillDowns the drill-downs of its dominating foreign-key triggers (empty if none)
 */
record ExplainedStatement(ExplainResult result, List<DrillDown> drillDowns) {

  public ExplainedStatement {
    drillDowns = List.copyOf(drillDowns);
  }

  /** Explains the statement (analyzed, rolled back) and drills into its triggers. */
  public static ExplainedStatement capture(
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
}
