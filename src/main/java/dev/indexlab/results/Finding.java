package dev.indexlab.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One thing a tuning engineer would flag in a plan, with what an advisor needs to act on it: the
 * node, the schema-qualified relation and the columns involved, and the numbers behind it.
 *
 * @param kind what is flagged
 * @param routeId the route the statement belongs to, or null outside a route
 * @param statementIndex the statement's position in its route (0-based), or null
 * @param drillDown the chain of foreign keys leading to the plan, e.g. {@code
 *     playlist_songs_song_id_fkey > users_playlist_position_playlist_song_position_fkey}; null for
 *     the statement's own plan
 * @param nodePath where in the plan's JSON the node is, e.g. {@code /0/Plan/Plans/0} (a trigger:
 *     {@code /0/Triggers/1})
 * @param nodeType the node's type as EXPLAIN's text names it, e.g. {@code Seq Scan}
 * @param relation {@code schema.table}, or null when no single relation applies
 * @param schema the relation's schema, or null
 * @param table the relation's name, or null
 * @param columns the columns involved: for a finding an index can serve, its key columns in {@link
 *     ColumnRoles#indexOrder} first, then any other column the condition names
 * @param roles what each column does in the node (equality, range, sort, pattern); {@link
 *     ColumnRoles#NONE} for kinds with no index to propose. The advisor reads these, never the
 *     message
 * @param numbers the figures behind the finding (see each kind), in a stable order
 * @param message one line for people
 */
public record Finding(
    FindingKind kind,
    String routeId,
    Integer statementIndex,
    String drillDown,
    String nodePath,
    String nodeType,
    String relation,
    String schema,
    String table,
    List<String> columns,
    ColumnRoles roles,
    Map<String, Number> numbers,
    String message) {

  public Finding {
    columns = List.copyOf(columns);
    roles = roles == null ? ColumnRoles.NONE : roles;
    Map<String, Number> normalized = new LinkedHashMap<>();
    numbers.forEach((k, v) -> normalized.put(k, normalize(v)));
    numbers = Collections.unmodifiableMap(normalized);
  }

  /** What joins the node's path and the drill-down in {@link #place()}. */
  static final String VIA = " via ";

  /** Where the finding is: the node's path, and the drill-down it was found in, if any. */
  public String place() {
    return nodePath + (drillDown == null ? "" : VIA + drillDown);
  }

  /** The figures, each as a double (a count too), in their order. */
  public Map<String, Double> numbersAsDoubles() {
    Map<String, Double> out = new LinkedHashMap<>();
    numbers.forEach((k, v) -> out.put(k, v == null ? null : v.doubleValue()));
    return out;
  }

  /** Counts as Long, ratios and times as Double, so findings read back from JSON are equal. */
  private static Number normalize(Number v) {
    if (v == null || v instanceof Long || v instanceof Double) {
      return v;
    }
    if (v instanceof Integer
        || v instanceof Short
        || v instanceof Byte
        || v instanceof java.math.BigInteger) {
      return v.longValue();
    }
    return v.doubleValue();
  }
}
