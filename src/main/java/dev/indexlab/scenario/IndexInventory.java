package dev.indexlab.scenario;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * The indexes of a database, keyed by schema-qualified name, with their definitions and sizes: what
 * a candidate migration added or removed is the difference of two inventories.
 */
public final class IndexInventory {
  private IndexInventory() {}

  /** One index. */
  public record IndexInfo(String name, String table, String definition, long bytes) {}

  /** Every index outside the system schemas (indexlab's and Flyway's own tables excluded). */
  public static Map<String, IndexInfo> read(Connection c) throws SQLException {
    Map<String, IndexInfo> out = new TreeMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT n.nspname || '.' || i.relname, n.nspname || '.' || t.relname,"
                    + " pg_get_indexdef(i.oid), pg_relation_size(i.oid)"
                    + " FROM pg_index x"
                    + " JOIN pg_class i ON i.oid = x.indexrelid"
                    + " JOIN pg_class t ON t.oid = x.indrelid"
                    + " JOIN pg_namespace n ON n.oid = i.relnamespace"
                    + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')"
                    + " AND n.nspname NOT LIKE 'pg\\_toast%'"
                    + " AND t.relname NOT LIKE 'flyway\\_%' AND t.relname NOT LIKE 'indexlab\\_%'")) {
      while (rs.next()) {
        out.put(
            rs.getString(1),
            new IndexInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
      }
    }
    return out;
  }
}
