package dev.indexlab.gate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The planner's row estimate ({@code pg_class.reltuples}, as of the last ANALYZE or VACUUM) of the
 * tables a plan touches: how the gate tells a sequential scan of a large table from a harmless one.
 * A table never analyzed reports its pages times the rows that fit in a page instead. Tables are
 * found by name: on the search path first, else in any schema.
 */
final class RelationSizes {
  // EXPLAIN names a table without its schema: the table of that name on the search path, else the
  // largest of that name in any schema (a workload that writes shop.order_items, with shop off the
  // search path, had its sequential scans of large tables go unnoticed)
  private static final String ROWS =
      "SELECT CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint"
          + " ELSE c.relpages::bigint * 100 END FROM pg_class c"
          + " WHERE c.oid = coalesce(to_regclass(quote_ident(?)),"
          + " (SELECT o.oid FROM pg_class o WHERE o.relname = ? AND o.relkind IN ('r', 'p', 'm')"
          + " ORDER BY greatest(o.reltuples, o.relpages * 100.0) DESC LIMIT 1))";

  private RelationSizes() {}

  /** Estimated rows of each of {@code relations} that exists (names as EXPLAIN prints them). */
  public static Map<String, Long> rows(Connection c, Collection<String> relations)
      throws SQLException {
    Map<String, Long> out = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement(ROWS)) {
      for (String r : relations) {
        ps.setString(1, r);
        ps.setString(2, r);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            out.put(r, rs.getLong(1));
          }
        }
      }
    }
    return out;
  }
}
