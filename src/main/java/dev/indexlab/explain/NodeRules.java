package dev.indexlab.explain;

import static dev.indexlab.explain.RuleContext.ms;
import static dev.indexlab.explain.RuleContext.percent;
import static dev.indexlab.explain.RuleContext.round;
import static dev.indexlab.explain.RuleContext.rows;

import dev.indexlab.explain.PlanWalk.Visit;
import dev.indexlab.results.ColumnRoles;
import dev.indexlab.results.Finding;
import dev.indexlab.results.FindingKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finding rules that look at one node at a time: scans that filter most rows away, repeated scans
 * in loops, estimate errors, spills and leading-wildcard LIKEs.
 */
final class NodeRules {
  private static final Pattern LIKE =
      Pattern.compile(
          "((?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)(?:\\.(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*))?)"
              + "\\)?(?:::[A-Za-z ]+(?:\\[\\])?)?\\)?\\s+(~~\\*?)\\s+('(?:[^']|'')*'|\\$\\d+)");

  private static final List<String> CONDITIONS =
      List.of("Filter", "Join Filter", "Recheck Cond", "Index Cond", "Hash Cond", "Merge Cond");

  private NodeRules() {}

  static void seqScanRemovesMostRows(RuleContext ctx, Visit v, List<Finding> out) {
    PlanNode n = v.node();
    if (!"Seq Scan".equals(n.nodeType()) || !n.analyzed() || n.neverExecuted()) {
      return;
    }
    Double removedPerLoop = n.rowsRemovedByFilter();
    if (removedPerLoop == null) {
      return;
    }
    double loops = n.actualLoops();
    double removed = removedPerLoop * loops;
    double returned = n.totalActualRows();
    double read = removed + returned;
    FindingThresholds t = ctx.thresholds;
    if (read < t.minRowsRead() || removed / read < t.minRemovedFraction()) {
      return;
    }
    Optional<ParallelScan> parallel = ParallelScan.of(v);
    // a parallel scan's processes run at the same time: its time is one loop's, not their sum
    double timeMs =
        parallel.isPresent()
            ? Math.min(
                n.actualTotalMs() == null ? 0.0 : n.actualTotalMs(),
                ctx.executionMs() > 0 ? ctx.executionMs() : Double.MAX_VALUE)
            : n.inclusiveTimeMs();
    Map<String, Number> numbers = new LinkedHashMap<>();
    numbers.put("rowsRemoved", Math.round(removed));
    numbers.put("rowsReturned", Math.round(returned));
    numbers.put("rowsRead", Math.round(read));
    numbers.put("fractionRemoved", round(removed / read, 4));
    numbers.put("loops", Math.round(loops));
    ctx.putTime(numbers, timeMs);
    String message;
    if (parallel.isPresent()) {
      numbers.put("processes", parallel.get().processes());
      message =
          String.format(
              Locale.ROOT,
              "Parallel Seq Scan on %s, %s, reads about %s rows to return about %s: its Filter %s"
                  + " removes about %s (%s). PostgreSQL prints each process's rounded average,"
                  + " counted here per loop times %d loops; the processes scan at the same time,"
                  + " and the whole statement takes %s (its Execution Time)",
              n.relationName(),
              parallel.get().who(),
              rows(read),
              rows(returned),
              n.filter(),
              rows(removed),
              percent(removed / read),
              Math.round(loops),
              ms(ctx.executionMs()));
    } else {
      message =
          String.format(
              "Seq Scan on %s reads %s rows to return %s: its Filter %s removes %s (%s) in %s",
              n.relationName(),
              rows(read),
              rows(returned),
              n.filter(),
              rows(removed),
              percent(removed / read),
              ms(n.inclusiveTimeMs()));
    }
    out.add(
        ctx.finding(
            FindingKind.SEQ_SCAN_REMOVES_MOST_ROWS,
            v.path(),
            n,
            n.relationName(),
            n.schema(),
            ConditionColumns.of(n.filter(), n.alias()),
            ConditionRoles.of(n.filter(), n.alias()),
            numbers,
            message));
  }

  static void nestedLoopSeqScan(RuleContext ctx, Visit v, List<Finding> out) {
    PlanNode n = v.node();
    if (!"Seq Scan".equals(n.nodeType()) || !n.analyzed()) {
      return;
    }
    double loops = n.actualLoops();
    if (loops < ctx.thresholds.minNestedLoops()) {
      return;
    }
    PlanNode loop = null;
    String via = null;
    for (PlanNode a : v.ancestors()) {
      if ("Nested Loop".equals(a.nodeType())) {
        loop = a;
        via = "a Nested Loop";
        break;
      }
      if ("SubPlan".equals(a.parentRelationship())) {
        via = a.subplanName() == null ? "a SubPlan" : a.subplanName();
        break;
      }
    }
    if (via == null) {
      return;
    }
    List<String> columns = ConditionColumns.of(n.filter(), n.alias());
    ColumnRoles roles = ConditionRoles.of(n.filter(), n.alias());
    if (columns.isEmpty() && loop != null) {
      columns = ConditionColumns.of(loop.joinFilter(), n.alias());
      roles = ConditionRoles.of(loop.joinFilter(), n.alias());
    }
    double removed = n.rowsRemovedByFilter() == null ? 0.0 : n.rowsRemovedByFilter() * loops;
    double read = n.totalActualRows() + removed;
    Map<String, Number> numbers = new LinkedHashMap<>();
    numbers.put("loops", Math.round(loops));
    numbers.put("rowsRead", Math.round(read));
    numbers.put("rowsReturned", Math.round(n.totalActualRows()));
    ctx.putTime(numbers, n.inclusiveTimeMs());
    String message =
        String.format(
            "Seq Scan on %s runs %s times inside %s, reading %s rows in all, in %s",
            n.relationName(), rows(loops), via, rows(read), ms(n.inclusiveTimeMs()));
    out.add(
        ctx.finding(
            FindingKind.NESTED_LOOP_SEQ_SCAN,
            v.path(),
            n,
            n.relationName(),
            n.schema(),
            columns,
            roles,
            numbers,
            message));
  }

  static void spill(RuleContext ctx, Visit v, List<Finding> out) {
    PlanNode n = v.node();
    Buffers b = n.buffers();
    long tempWritten = b == null ? 0 : b.tempWritten();
    for (PlanNode child : n.children()) {
      Buffers cb = child.buffers();
      tempWritten -= cb == null ? 0 : cb.tempWritten();
    }
    long diskKb = Math.max(0, tempWritten) * 8;
    PlanNode.SortSpace sort = n.sortSpace();
    if (sort != null && sort.onDisk()) {
      diskKb = Math.max(diskKb, sort.spaceKb());
    }
    Long hashAggDisk = PlanProperties.integer(n.properties(), "Disk Usage");
    if (hashAggDisk != null) {
      diskKb = Math.max(diskKb, hashAggDisk);
    }
    PlanNode.HashTable hash = n.hashTable();
    boolean batched = hash != null && hash.batches() > 1;
    if (diskKb <= 0 && !batched) {
      return;
    }
    PlanNode source = n.walk().filter(x -> x.relationName() != null).findFirst().orElse(null);
    List<String> columns = new ArrayList<>();
    for (String key : n.sortKey().isEmpty() ? n.groupKey() : n.sortKey()) {
      columns.addAll(ConditionColumns.of(key, null));
    }
    Map<String, Number> numbers = new LinkedHashMap<>();
    numbers.put("diskKb", diskKb);
    if (hash != null) {
      numbers.put("batches", hash.batches());
    }
    ctx.putTime(numbers, n.inclusiveTimeMs());
    String what = sort != null ? "sorts with " + sort.method() : "writes temp files";
    String message =
        String.format(
            "%s %s: %d kB on disk%s (work_mem too small for it)",
            RuleContext.textType(n),
            what,
            diskKb,
            batched ? " in " + hash.batches() + " batches" : "");
    out.add(
        ctx.finding(
            FindingKind.SPILL_TO_DISK,
            v.path(),
            n,
            source == null ? null : source.relationName(),
            source == null ? null : source.schema(),
            columns,
            ColumnRoles.NONE,
            numbers,
            message));
  }

  static void leadingWildcardLike(RuleContext ctx, Visit v, List<Finding> out) {
    PlanNode n = v.node();
    for (String label : CONDITIONS) {
      String cond = n.condition(label);
      if (cond == null) {
        continue;
      }
      Matcher m = LIKE.matcher(cond);
      while (m.find()) {
        String pattern = m.group(3);
        boolean ilike = m.group(2).equals("~~*");
        boolean leading = pattern.startsWith("'%") || pattern.startsWith("'_");
        if (!ilike && !leading) {
          continue;
        }
        List<String> cols = ConditionColumns.of(m.group(1), null);
        String qualifier = ConditionColumns.firstQualifier(m.group(1));
        String relation = qualifier == null ? n.relationName() : ctx.relationOfAlias(qualifier);
        Map<String, Number> numbers = new LinkedHashMap<>();
        Double removed = n.rowsRemovedByFilter();
        if (removed != null && n.actualLoops() != null) {
          numbers.put("rowsRemoved", Math.round(removed * n.actualLoops()));
        }
        if (n.analyzed()) {
          numbers.put("rowsReturned", Math.round(n.totalActualRows()));
        }
        ctx.putTime(numbers, n.inclusiveTimeMs());
        String message =
            String.format(
                "%s %s %s %s: no b-tree index can serve it (a trigram index can)",
                label,
                cols.isEmpty() ? m.group(1) : cols.get(0),
                ilike ? "ILIKE" : "LIKE",
                pattern);
        out.add(
            ctx.finding(
                FindingKind.LEADING_WILDCARD_LIKE,
                v.path(),
                n,
                relation,
                relation != null && relation.equals(n.relationName()) ? n.schema() : null,
                cols,
                new ColumnRoles(List.of(), List.of(), List.of(), cols),
                numbers,
                message));
      }
    }
  }
}
