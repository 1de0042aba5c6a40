package dev.indexlab.scenario;

import dev.indexlab.db.ConnectionSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The file node of every user table. Two copies of one template start with the same file nodes; a
 * table rewritten in one of them (CLUSTER, VACUUM FULL, an ALTER TABLE that rewrites it) gets a new
 * one, so comparing the two names the tables whose rows were physically reordered or rebuilt.
 */
final class TableFiles {
  private TableFiles() {}

  /** {@code schema.table} → file node, for every table outside the system schemas. */
  static Map<String, Long> read(Connection c) throws SQLException {
    Map<String, Long> out = new TreeMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT n.nspname || '.' || t.relname, t.relfilenode"
                    + " FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace"
                    + " WHERE t.relkind IN ('r', 'm')"
                    + " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                    + " AND n.nspname NOT LIKE 'pg\\_toast%'")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  /** The tables of {@code before} whose file node differs in {@code after}, or that it lacks. */
  static List<String> rewritten(ConnectionSpec before, ConnectionSpec after) throws SQLException {
    Map<String, Long> a;
    Map<String, Long> b;
    try (Connection c = before.open()) {
      a = read(c);
    }
    try (Connection c = after.open()) {
      b = read(c);
    }
    List<String> out = new ArrayList<>();
    a.forEach(
        (table, node) -> {
          if (!node.equals(b.get(table))) {
            out.add(table);
          }
        });
    return out;
  }
}
