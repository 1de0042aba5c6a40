package dev.indexlab.advise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finding from a captured plan, as the advisor needs it: the relation a plan node read, the
 * columns its filter compared with {@code =} ({@code equalityColumns}) and with ranges ({@code
 * rangeColumns}), the sort keys of a sort below a LIMIT ({@code sortKeys}), the columns matched by
 * a leading-wildcard LIKE ({@code likeColumns}), and where it was seen: {@code route}, {@code
 * statement} (0-based), {@code node} (the node's path in the plan) and {@code trigger} (the trigger
 * whose drill-down statement the plan belongs to, null for the route statement itself). {@code
 * schema} may be null (then {@code public}, else the only table of that name). {@code numbers}
 * carry the evidence by name ({@code rowsRemoved}, {@code rowsReturned}, {@code timeMs}...).
 *
 * <p>This is the advisor's own input record, so the rules do not depend on the explain step's
 * classes; {@link FindingsFile} reads it from JSON.
 */
public record PlanFinding(
    FindingKind kind,
    String schema,
    String table,
    List<String> equalityColumns,
    List<String> rangeColumns,
    List<IndexKey> sortKeys,
    List<String> likeColumns,
    String route,
    Integer statement,
    String node,
    String trigger,
    Map<String, Double> numbers) {
  public PlanFinding {
    equalityColumns = equalityColumns == null ? List.of() : List.copyOf(equalityColumns);
    rangeColumns = rangeColumns == null ? List.of() : List.copyOf(rangeColumns);
    sortKeys = sortKeys == null ? List.of() : List.copyOf(sortKeys);
    likeColumns = likeColumns == null ? List.of() : List.copyOf(likeColumns);
    numbers =
        numbers == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
  }

  /** A sequential scan that filtered on these columns. */
  public static PlanFinding seqScan(
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
        equalityColumns,
        rangeColumns,
        List.of(),
        List.of(),
        route,
        statement,
        node,
        trigger,
        numbers);
  }

  /** A filter plus ORDER BY ... LIMIT on this table. */
  public static PlanFinding orderLimit(
      String schema,
      String table,
      List<String> equalityColumns,
      List<IndexKey> sortKeys,
      String route,
      Integer statement,
      String node,
      Map<String, Double> numbers) {
    return new PlanFinding(
        FindingKind.FILTER_ORDER_LIMIT,
        schema,
        table,
        equalityColumns,
        List.of(),
        sortKeys,
        List.of(),
        route,
        statement,
        node,
        null,
        numbers);
  }

  /** A leading-wildcard LIKE on these columns. */
  public static PlanFinding leadingWildcard(
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
        List.of(),
        List.of(),
        List.of(),
        likeColumns,
        route,
        statement,
        node,
        null,
        numbers);
  }

  /** Where the finding was seen, for messages: {@code route r, statement 2, trigger t}. */
  public String where() {
    StringBuilder b = new StringBuilder();
    if (route != null) {
      b.append("route ").append(route);
    }
    if (statement != null) {
      b.append(b.length() > 0 ? ", " : "").append("statement ").append(statement + 1);
    }
    if (trigger != null) {
      b.append(b.length() > 0 ? ", " : "").append("trigger ").append(trigger);
    }
    if (node != null) {
      b.append(b.length() > 0 ? ", " : "").append("node ").append(node);
    }
    return b.length() == 0 ? "a captured plan" : b.toString();
  }
}
