package dev.indexlab.advise;

import dev.indexlab.SqlResources;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indexes a candidate's migration created, as the server holds them: once the migration has
 * run, PostgreSQL's catalog ({@code pg_index}, {@code pg_get_indexdef}, {@code pg_get_expr}) knows
 * each index's table, method, keys, INCLUDE list and predicate, whatever the CREATE INDEX looked
 * like (unnamed, quoted, schema-qualified or not, with expressions or operator classes). The CREATE
 * INDEX text is read only where no database has run it yet ({@link IndexStatementParser}).
 *
 * <pre>{@code
 * List<IndexSpec> made = AppliedIndexes.read(c, List.of("public.orders_employee_id_idx"));
 * }</pre>
 */
public final class AppliedIndexes {
  private AppliedIndexes() {}

  /**
   * The indexes named {@code names} ({@code schema.name}, unquoted) on {@code c}, in the order of
   * {@code names}; a name the server does not know is left out. The caller owns {@code c}.
   */
  public static List<IndexSpec> read(Connection c, List<String> names) throws SQLException {
    Map<String, IndexSpec> byName = new LinkedHashMap<>();
    try (PreparedStatement st =
        c.prepareStatement(SqlResources.text(AppliedIndexes.class, "applied_indexes.sql"))) {
      st.setArray(1, c.createArrayOf("text", names.toArray()));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String schema = rs.getString("table_schema");
          String name = rs.getString("index_name");
          byName.put(schema + "." + name, spec(rs, schema, name));
        }
      }
    }
    return names.stream().filter(byName::containsKey).map(byName::get).toList();
  }

  private static IndexSpec spec(ResultSet rs, String schema, String name) throws SQLException {
    List<Object> columns = values(rs.getArray("column_names"));
    List<Object> descending = values(rs.getArray("descending"));
    List<Object> opclasses = values(rs.getArray("opclasses"));
    int keyCount = rs.getInt("key_count");
    List<IndexKey> keys = new ArrayList<>();
    List<String> include = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String column = (String) columns.get(i);
      if (i < keyCount) {
        keys.add(
            new IndexKey(
                column, Boolean.TRUE.equals(descending.get(i)), (String) opclasses.get(i)));
      } else {
        include.add(column);
      }
    }
    return new IndexSpec(
        schema,
        rs.getString("table_name"),
        name,
        rs.getString("method"),
        keys,
        include,
        rs.getString("predicate"));
  }

  private static List<Object> values(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((Object[]) array.getArray());
  }
}
