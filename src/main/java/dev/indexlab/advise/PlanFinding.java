package dev.indexlab.advise;

import dev.indexlab.results.ColumnRoles;
import dev.indexlab.results.FindingKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finding from a captured plan, as the advisor needs it: the relation a plan node read, what its
 * columns do there ({@link ColumnRoles}: compared with {@code =}, bounded by a range, sorted on
 * below a LIMIT, matched by a leading-wildcard LIKE), and where it was seen: {@code route}, {@code
 * statement} (0-based), {@code node} (the node's path in the plan) and {@code trigger} (the chain
 * of foreign keys whose drill-down statement the plan belongs to, null for the route statement
 * itself). {@code schema} may be null (then {@code public}, else the only table of that name).
 * {@code numbers} carry the evidence by name ({@code rowsRemoved}, {@code rowsReturned}, {@code
 * timeMs}...).
 *
 * <p>{@link ExplainFindings} makes these from the explain step's findings, in memory or read back
 * from a findings file ({@code explain.FindingsFile}); it is the only maker outside {@link
 * PartitionScope}, which moves a finding from a partition to its parent.
 */
public record PlanFinding(
    FindingKind kind,
    String schema,
    String table,
    ColumnRoles roles,
    String route,
    Integer statement,
    String node,
    String trigger,
    Map<String, Double> numbers) {
  public PlanFinding {
    roles = roles == null ? ColumnRoles.NONE : roles;
    numbers =
        numbers == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
  }

  /** The columns compared for equality. */
  public List<String> equalityColumns() {
    return roles.equality();
  }

  /** The columns bounded by a range (and not compared for equality). */
  public List<String> rangeColumns() {
    return roles.range();
  }

  /** The sort's keys, in the sort's direction. */
  public List<IndexKey> sortKeys() {
    return roles.sort().stream().map(k -> new IndexKey(k.column(), k.descending(), null)).toList();
  }

  /** The columns a LIKE or ILIKE matched. */
  public List<String> likeColumns() {
    return roles.pattern();
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
