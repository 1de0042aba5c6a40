package dev.indexlab.explain;

import static dev.indexlab.explain.RuleContext.rows;

import dev.indexlab.explain.PlanWalk.Visit;
import dev.indexlab.results.ColumnRoles;
import dev.indexlab.results.Finding;
import dev.indexlab.results.FindingKind;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ESTIMATE_ERROR: actual rows per loop beyond the estimate by the threshold factor, either way.
 * Nodes a parent may stop reading early (under a Limit, the inner side of a semi/anti join, a merge
 * join, a sub-plan) are skipped, since their short counts are no estimate error; and a node is not
 * flagged again for an error it only inherits from a child.
 */
final class EstimateRule {
  private static final Set<String> EARLY_STOP_JOINS =
      Set.of("Semi", "Anti", "Right Semi", "Right Anti");

  private EstimateRule() {}

  static void apply(RuleContext ctx, List<Visit> visits, List<Finding> out) {
    Map<PlanNode, Double> ratios = new IdentityHashMap<>();
    for (Visit v : visits) {
      Double r = ratio(ctx, v);
      if (r != null) {
        ratios.put(v.node(), r);
      }
    }
    for (Visit v : visits) {
      Double r = ratios.get(v.node());
      if (r == null || inherited(v.node(), r, ratios, ctx.thresholds.estimateFactor())) {
        continue;
      }
      PlanNode n = v.node();
      Map<String, Number> numbers = new LinkedHashMap<>();
      numbers.put("estimatedRows", Math.round(n.planRows()));
      numbers.put("actualRows", Math.round(n.actualRows()));
      numbers.put("loops", Math.round(n.actualLoops()));
      numbers.put("estimateRatio", RuleContext.round(r, 4));
      numbers.put("timeMs", RuleContext.round(n.inclusiveTimeMs(), 3));
      String message =
          String.format(
              "%s%s estimated %s rows per loop and returned %s (%s)",
              RuleContext.textType(n),
              n.relationName() == null ? "" : " on " + n.relationName(),
              rows(n.planRows()),
              rows(n.actualRows()),
              r >= 1 ? String.format("%.0fx more", r) : String.format("%.0fx fewer", 1 / r));
      out.add(
          ctx.finding(
              FindingKind.ESTIMATE_ERROR,
              v.path(),
              n,
              n.relationName(),
              n.schema(),
              columns(n),
              ColumnRoles.NONE,
              numbers,
              message));
    }
  }

  private static Double ratio(RuleContext ctx, Visit v) {
    PlanNode n = v.node();
    if (!n.analyzed()
        || n.neverExecuted()
        || n.planRows() == null
        || "ModifyTable".equals(n.nodeType())
        || mayStopEarly(v)) {
      return null;
    }
    double estimated = Math.max(1.0, n.planRows());
    double actual = Math.max(1.0, n.actualRows());
    double ratio = actual / estimated;
    FindingThresholds t = ctx.thresholds;
    if (Math.max(estimated, actual) * n.actualLoops() < t.minEstimateRows()) {
      return null;
    }
    if (ratio < t.estimateFactor() && ratio > 1.0 / t.estimateFactor()) {
      return null;
    }
    return ratio;
  }

  private static boolean inherited(
      PlanNode n, double r, Map<PlanNode, Double> ratios, double factor) {
    for (PlanNode child : n.children()) {
      Double rc = ratios.get(child);
      if (rc != null
          && (rc > 1) == (r > 1)
          && Math.abs(Math.log(r)) < Math.abs(Math.log(rc)) + Math.log(factor)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mayStopEarly(Visit v) {
    PlanNode below = v.node();
    for (PlanNode a : v.ancestors()) {
      if (consumesAllInput(a)) {
        return false;
      }
      String p = below.parentRelationship();
      if ("Limit".equals(a.nodeType())
          || "Merge Join".equals(a.nodeType())
          || "SubPlan".equals(p)
          || "InitPlan".equals(p)
          || ("Inner".equals(p) && EARLY_STOP_JOINS.contains(a.joinType()))) {
        return true;
      }
      below = a;
    }
    return false;
  }

  private static boolean consumesAllInput(PlanNode a) {
    String type = a.nodeType();
    return "Sort".equals(type)
        || "Hash".equals(type)
        || ("Aggregate".equals(type) && !"Sorted".equals(a.strategy()))
        || ("SetOp".equals(type) && "Hashed".equals(a.strategy()));
  }

  private static List<String> columns(PlanNode n) {
    for (String label :
        List.of("Index Cond", "Recheck Cond", "Filter", "Hash Cond", "Merge Cond", "Join Filter")) {
      List<String> cols = ConditionColumns.of(n.condition(label), n.alias());
      if (!cols.isEmpty()) {
        return cols;
      }
    }
    return List.of();
  }
}
