package dev.indexlab.explain;

import static dev.indexlab.explain.RuleContext.ms;
import static dev.indexlab.explain.RuleContext.percent;

import dev.indexlab.explain.PlanWalk.Visit;
import dev.indexlab.results.ColumnRoles;
import dev.indexlab.results.Finding;
import dev.indexlab.results.FindingKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists what a tuning engineer would flag in a statement's plan and in the plans of its foreign-key
 * drill-downs, with the numbers behind each flag. Pure: no database access (pass {@link
 * RelationNames#fromCatalog} to get schema-qualified relation names).
 *
 * <pre>{@code
 * List<Finding> f = new FindingDetector(FindingThresholds.DEFAULTS, RelationNames.fromCatalog(c))
 *     .detect(plan, drillDowns, "users_delete", 1);
 * }</pre>
 */
public final class FindingDetector {
  /** A trigger faster than this (ms) is not worth a finding, whatever its share. */
  static final double MIN_TRIGGER_MS = 1.0;

  private final FindingThresholds thresholds;
  private final RelationNames names;

  /** Default thresholds; relations are named without schema unless the plan has one. */
  public FindingDetector() {
    this(FindingThresholds.DEFAULTS, relation -> null);
  }

  public FindingDetector(FindingThresholds thresholds, RelationNames names) {
    this.thresholds = thresholds;
    this.names = names;
  }

  /**
   * The findings of a plan and its drill-downs: triggers first, then nodes in plan order, then each
   * drill-down's findings (marked with its chain of constraint names).
   *
   * @param routeId the route, or null
   * @param statementIndex the statement's index in the route, or null
   */
  public List<Finding> detect(
      Plan plan, List<DrillDown> drillDowns, String routeId, Integer statementIndex) {
    List<Finding> out = new ArrayList<>();
    inspect(plan, drillDowns, routeId, statementIndex, null, out);
    for (DrillDown d : drillDowns) {
      inspectDrillDown(d, routeId, statementIndex, d.constraintName(), out);
    }
    return out;
  }

  /** The findings of a plan alone. */
  public List<Finding> detect(Plan plan) {
    return detect(plan, List.of(), null, null);
  }

  private void inspectDrillDown(
      DrillDown d, String routeId, Integer statementIndex, String label, List<Finding> out) {
    if (d.plan() != null) {
      inspect(d.plan(), d.nested(), routeId, statementIndex, label, out);
    }
    for (DrillDown n : d.nested()) {
      inspectDrillDown(n, routeId, statementIndex, label + " > " + n.constraintName(), out);
    }
  }

  private void inspect(
      Plan plan,
      List<DrillDown> drillDowns,
      String routeId,
      Integer statementIndex,
      String label,
      List<Finding> out) {
    RuleContext ctx = new RuleContext(routeId, statementIndex, label, plan, thresholds, names);
    triggers(ctx, drillDowns, out);
    List<Visit> visits = PlanWalk.visits(plan);
    for (Visit v : visits) {
      NodeRules.seqScanRemovesMostRows(ctx, v, out);
      NodeRules.nestedLoopSeqScan(ctx, v, out);
      NodeRules.spill(ctx, v, out);
      NodeRules.leadingWildcardLike(ctx, v, out);
    }
    EstimateRule.apply(ctx, visits, out);
    ShapeRules.wholeTableForFewRows(ctx, visits, out);
    ShapeRules.filterOrderLimit(ctx, visits, out);
  }

  private void triggers(RuleContext ctx, List<DrillDown> drillDowns, List<Finding> out) {
    double execution = ctx.executionMs();
    if (execution <= 0) {
      return;
    }
    List<DrillDown> all = new ArrayList<>();
    drillDowns.forEach(d -> all.addAll(d.flatten()));
    List<TriggerTime> triggers = ctx.plan.triggers();
    for (int i = 0; i < triggers.size(); i++) {
      TriggerTime t = triggers.get(i);
      if (!t.isForeignKeyTrigger()
          || t.timeOrZero() < thresholds.minTriggerShare() * execution
          || t.timeOrZero() < MIN_TRIGGER_MS) {
        continue;
      }
      DrillDown d =
          all.stream()
              .filter(
                  x ->
                      t.constraintName().equals(x.constraintName())
                          && t.relation().equals(x.triggerRelation()))
              .findFirst()
              .orElse(null);
      ForeignKeyTrigger fk = d == null ? null : d.foreignKey();
      boolean referencing = fk != null && fk.action().onReferencedTable();
      Map<String, Number> numbers = new LinkedHashMap<>();
      ctx.putTime(numbers, t.timeOrZero());
      numbers.put("calls", Math.round(t.calls()));
      String message =
          String.format(
              "Trigger for constraint %s on %s takes %s of %s (%s) in %.0f call(s)%s",
              t.constraintName(),
              t.relation(),
              ms(t.timeOrZero()),
              ms(execution),
              percent(t.timeOrZero() / execution),
              t.calls(),
              fk == null
                  ? ": drill down to see the statement it runs"
                  : ": its " + fk.action().label() + " runs " + d.derivedSql());
      out.add(
          ctx.finding(
              FindingKind.TRIGGER_DOMINATES,
              "/0/Triggers/" + i,
              null,
              fk == null
                  ? t.relation()
                  : referencing ? fk.referencingTable() : fk.referencedTable(),
              fk == null ? null : referencing ? fk.referencingSchema() : fk.referencedSchema(),
              fk == null
                  ? List.of()
                  : referencing ? fk.referencingColumns() : fk.referencedColumns(),
              ColumnRoles.NONE,
              numbers,
              message));
    }
  }
}
