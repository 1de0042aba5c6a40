package dev.indexlab.schema;

import dev.indexlab.db.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An order-independent digest of every user table: the row count and the sum of a 64-bit hash of
 * each row's text form. Two databases with the same rows, in any physical order, give the same
 * digests; one changed, added or removed row changes the table's digest.
 */
public final class TableChecksums {
  private TableChecksums() {}

  /** One table's digest. */
  public record Digest(long rows, String sum) {
    @Override
    public String toString() {
      return rows + " rows, sum " + sum;
    }
  }

  /** Digests of every ordinary table outside the system schemas, keyed by schema.table. */
  public static Map<String, Digest> compute(Connection c) throws SQLException {
    List<String[]> tables = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT n.nspname, r.relname FROM pg_class r"
                    + " JOIN pg_namespace n ON n.oid = r.relnamespace"
                    + " WHERE r.relkind IN ('r', 'p')"
                    + " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                    + " AND n.nspname NOT LIKE 'pg\\_toast%'"
                    + " AND r.relname NOT LIKE 'flyway\\_%'"
                    + " AND r.relname NOT LIKE 'indexlab\\_%'"
                    + " ORDER BY 1, 2")) {
      while (rs.next()) {
        tables.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    Map<String, Digest> digests = new TreeMap<>();
    for (String[] t : tables) {
      String name = Identifiers.qualified(t[0], t[1]);
      String sql =
          "SELECT count(*), coalesce(sum(hashtextextended(t::text, 0)::numeric), 0)::text FROM "
              + name
              + " AS t";
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery(sql)) {
        rs.next();
        digests.put(t[0] + "." + t[1], new Digest(rs.getLong(1), rs.getString(2)));
      }
    }
    return digests;
  }
}
