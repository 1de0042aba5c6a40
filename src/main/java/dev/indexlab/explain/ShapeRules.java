package dev.indexlab.explain;

import static dev.indexlab.explain.RuleContext.ms;
import static dev.indexlab.explain.RuleContext.rows;

import dev.indexlab.explain.PlanWalk.Visit;
import dev.indexlab.results.ColumnRoles;
import dev.indexlab.results.Finding;
import dev.indexlab.results.FindingKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finding rules that look at a subtree's shape: a window, aggregate or CTE processing a whole table
 * for a statement of a few rows, and a Limit over a Sort over a filtered scan.
 */
final class ShapeRules {
  private static final Set<String> ORDER_KEEPING =
      Set.of("Nested Loop", "Gather Merge", "Subquery Scan", "Result", "Materialize");

  private static final List<String> CONDITIONS = List.of("Index Cond", "Recheck Cond", "Filter");

  private static final Pattern PLAIN_SORT_KEY =
      Pattern.compile(
          "^(?:(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)\\.)?(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)"
              + "(?: DESC)?(?: NULLS (?:FIRST|LAST))?$");

  private ShapeRules() {}

  static void wholeTableForFewRows(RuleContext ctx, List<Visit> visits, List<Finding> out) {
    if (!ctx.plan.analyzed()) {
      return;
    }
    double statementRows = ctx.plan.statementRows();
    FindingThresholds t = ctx.thresholds;
    if (statementRows > t.maxFewRows()) {
      return;
    }
    Set<PlanNode> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Visit v : visits) {
      PlanNode n = v.node();
      boolean candidate =
          "WindowAgg".equals(n.nodeType())
              || "Aggregate".equals(n.nodeType())
              || (n.subplanName() != null && n.subplanName().startsWith("CTE "));
      if (!candidate || v.ancestors().stream().anyMatch(reported::contains)) {
        continue;
      }
      double input = 0;
      for (PlanNode c : n.children()) {
        if (!"InitPlan".equals(c.parentRelationship())
            && !"SubPlan".equals(c.parentRelationship())) {
          input += c.totalActualRows();
        }
      }
      double processed = Math.max(n.totalActualRows(), input);
      if (processed < t.minWholeTableRows()) {
        continue;
      }
      reported.add(n);
      PlanNode scan = biggestScan(n);
      List<String> columns = new ArrayList<>();
      PlanNode sort = n.walk().filter(x -> "Sort".equals(x.nodeType())).findFirst().orElse(null);
      List<String> keys = sort != null ? sort.sortKey() : n.groupKey();
      for (String key : keys) {
        columns.addAll(ConditionColumns.of(key, scan == null ? null : scan.alias()));
      }
      Map<String, Number> numbers = new LinkedHashMap<>();
      numbers.put("rowsProcessed", Math.round(processed));
      numbers.put("rowsReturned", Math.round(statementRows));
      ctx.putTime(numbers, n.inclusiveTimeMs());
      String what = n.subplanName() != null ? n.subplanName() : RuleContext.textType(n);
      String message =
          String.format(
              "%s processes %s rows%s for a statement that returns %s, in %s",
              what,
              rows(processed),
              scan == null ? "" : " of " + scan.relationName(),
              rows(statementRows),
              ms(n.inclusiveTimeMs()));
      out.add(
          ctx.finding(
              FindingKind.WHOLE_TABLE_FOR_FEW_ROWS,
              v.path(),
              n,
              scan == null ? null : scan.relationName(),
              scan == null ? null : scan.schema(),
              columns,
              ColumnRoles.NONE,
              numbers,
              message));
    }
  }

  static void filterOrderLimit(RuleContext ctx, List<Visit> visits, List<Finding> out) {
    for (Visit v : visits) {
      PlanNode limit = v.node();
      if (!"Limit".equals(limit.nodeType())) {
        continue;
      }
      PlanNode sort = orderedInput(limit);
      if (sort == null
          || !("Sort".equals(sort.nodeType()) || "Incremental Sort".equals(sort.nodeType()))
          || sort.sortKey().isEmpty()
          || !sort.sortKey().stream().allMatch(k -> PLAIN_SORT_KEY.matcher(k).matches())) {
        continue;
      }
      String qualifier = ConditionColumns.firstQualifier(sort.sortKey().get(0));
      List<PlanNode> scans = new ArrayList<>();
      collectFilteredScans(sort, true, scans);
      PlanNode scan = null;
      for (PlanNode s : scans) {
        if (qualifier == null ? scans.size() == 1 : qualifier.equals(s.alias())) {
          scan = s;
        }
      }
      if (scan == null) {
        continue;
      }
      Set<String> columns = new LinkedHashSet<>();
      for (String label : CONDITIONS) {
        columns.addAll(ConditionColumns.of(scan.condition(label), scan.alias()));
      }
      ColumnRoles roles =
          ConditionRoles.of(scan, CONDITIONS)
              .withSort(ConditionRoles.sortKeys(sort.sortKey(), scan.alias()));
      double sorted = sort.children().stream().mapToDouble(PlanNode::totalActualRows).sum();
      Map<String, Number> numbers = new LinkedHashMap<>();
      numbers.put("rowsSorted", Math.round(sorted));
      numbers.put("rowsReturned", Math.round(limit.totalActualRows()));
      Double removed = scan.rowsRemovedByFilter();
      if (removed != null && scan.actualLoops() != null) {
        numbers.put("rowsRemoved", Math.round(removed * scan.actualLoops()));
      }
      ctx.putTime(numbers, limit.inclusiveTimeMs());
      String message =
          String.format(
              "Limit over Sort (%s) of %s rows of %s selected by %s: an index on (%s) returns"
                  + " them in order",
              String.join(", ", sort.sortKey()),
              rows(sorted),
              scan.relationName(),
              firstCondition(scan),
              roles.indexOrder().stream()
                  .map(ColumnRoles.SortKey::describe)
                  .collect(Collectors.joining(", ")));
      out.add(
          ctx.finding(
              FindingKind.FILTER_ORDER_LIMIT,
              v.path(),
              limit,
              scan.relationName(),
              scan.schema(),
              new ArrayList<>(columns),
              roles,
              numbers,
              message));
    }
  }

  /**
   * The node that puts a Limit's rows in order: its outer input, followed down through nodes that
   * keep their outer input's order (the outer side of a Nested Loop, a Gather Merge, a Subquery
   * Scan, a Result, a Materialize), so that {@code Limit -> Nested Loop -> Gather Merge -> Sort} —
   * the plan of "the user's 5 latest plays, joined to their songs" — is seen as the Limit over a
   * Sort it is.
   */
  private static PlanNode orderedInput(PlanNode limit) {
    PlanNode n = outer(limit);
    while (n != null && ORDER_KEEPING.contains(n.nodeType())) {
      n = outer(n);
    }
    return n;
  }

  private static PlanNode outer(PlanNode n) {
    List<PlanNode> children = n.children();
    if (children.size() == 1) {
      return children.get(0);
    }
    return children.stream()
        .filter(c -> "Outer".equals(c.parentRelationship()))
        .findFirst()
        .orElse(null);
  }

  private static String firstCondition(PlanNode scan) {
    for (String label : CONDITIONS) {
      if (scan.condition(label) != null) {
        return scan.condition(label);
      }
    }
    return "";
  }

  private static void collectFilteredScans(PlanNode n, boolean top, List<PlanNode> out) {
    String type = n.nodeType();
    if (!top && ("Sort".equals(type) || "Limit".equals(type) || "Aggregate".equals(type))) {
      return;
    }
    if (n.relationName() != null
        && (n.filter() != null || n.recheckCond() != null || n.indexCond() != null)) {
      out.add(n);
    }
    for (PlanNode c : n.children()) {
      collectFilteredScans(c, false, out);
    }
  }

  private static PlanNode biggestScan(PlanNode n) {
    PlanNode best = null;
    double bestRead = -1;
    for (PlanNode x : (Iterable<PlanNode>) n.walk()::iterator) {
      if (x.relationName() == null) {
        continue;
      }
      double removed = x.rowsRemovedByFilter() == null ? 0 : x.rowsRemovedByFilter();
      double read = x.totalActualRows() + removed * (x.actualLoops() == null ? 0 : x.actualLoops());
      if (read > bestRead) {
        best = x;
        bestRead = read;
      }
    }
    return best;
  }
}
