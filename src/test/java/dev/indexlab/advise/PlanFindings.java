package dev.indexlab.advise;

import dev.indexlab.results.ColumnRoles;
import dev.indexlab.results.FindingKind;
import java.util.List;
import java.util.Map;

/** Advisor inputs written by hand for tests, as {@link ExplainFindings} would map them. */
final class PlanFindings {
  private PlanFindings() {}

  /** A sequential scan that filtered on these columns. */
  static PlanFinding seqScan(
      String schema,
      String table,
      List<String> equalityColumns,
      List<String> rangeColumns,
      String route,
      Integer statement,
      String node,
      String trigger,
      Map<String, Double> numbers) {
    return new PlanFinding(
        FindingKind.SEQ_SCAN_REMOVES_MOST_ROWS,
        schema,
        table,
        new ColumnRoles(equalityColumns, rangeColumns, List.of(), List.of()),
        route,
        statement,
        node,
        trigger,
        numbers);
  }

  /** A filter plus ORDER BY ... LIMIT on this table. */
  static PlanFinding orderLimit(
      String schema,
      String table,
      List<String> equalityColumns,
      List<IndexKey> sortKeys,
      String route,
      Integer statement,
      String node,
      Map<String, Double> numbers) {
    List<ColumnRoles.SortKey> sort =
        sortKeys.stream().map(k -> new ColumnRoles.SortKey(k.column(), k.descending())).toList();
    return new PlanFinding(
        FindingKind.FILTER_ORDER_LIMIT,
        schema,
        table,
        new ColumnRoles(equalityColumns, List.of(), sort, List.of()),
        route,
        statement,
        node,
        null,
        numbers);
  }

  /** A leading-wildcard LIKE on these columns. */
  static PlanFinding leadingWildcard(
      String schema,
      String table,
      List<String> likeColumns,
      String route,
      Integer statement,
      String node,
      Map<String, Double> numbers) {
    return new PlanFinding(
        FindingKind.LEADING_WILDCARD_LIKE,
        schema,
        table,
        new ColumnRoles(List.of(), List.of(), List.of(), likeColumns),
        route,
        statement,
        node,
        null,
        numbers);
  }
}
