package dev.indexlab.advise;

import dev.indexlab.SqlResources;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a {@link Catalog} from a live database: every schema except the system ones, names exactly
 * as stored (mixed case, quotes and all). Tables named {@code flyway_*} or {@code indexlab_*} are
 * tooling, not application, and are left out. The queries are the {@code .sql} resources beside
 * this class.
 *
 * <pre>{@code
 * try (Connection c = spec.open()) {
 *   Catalog catalog = CatalogReader.read(c);
 * }
 * }</pre>
 */
public final class CatalogReader {
  private CatalogReader() {}

  /** Reads tables, indexes, foreign keys and available extensions; the caller owns {@code c}. */
  public static Catalog read(Connection c) throws SQLException {
    return new Catalog(tables(c), indexes(c), foreignKeys(c), extensions(c));
  }

  private static List<CatalogTable> tables(Connection c) throws SQLException {
    List<CatalogTable> tables = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(SqlResources.text(CatalogReader.class, "tables.sql"))) {
      while (rs.next()) {
        List<String> names = strings(rs.getArray("column_names"));
        List<String> quoted = strings(rs.getArray("quoted_columns"));
        Map<String, String> quotedColumns = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
          quotedColumns.put(names.get(i), quoted.get(i));
        }
        tables.add(
            new CatalogTable(
                rs.getString("schema_name"),
                rs.getString("table_name"),
                rs.getString("qualified_name"),
                rs.getLong("reltuples"),
                rs.getLong("live_rows"),
                rs.getLong("total_bytes"),
                names,
                quotedColumns,
                rs.getBoolean("partitioned"),
                rs.getInt("leaf_partitions"),
                rs.getString("partition_of"),
                rs.getString("inherits_from")));
      }
    }
    return tables;
  }

  private static List<CatalogIndex> indexes(Connection c) throws SQLException {
    List<CatalogIndex> indexes = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(SqlResources.text(CatalogReader.class, "indexes.sql"))) {
      while (rs.next()) {
        List<String> names = strings(rs.getArray("column_names"));
        List<Boolean> expression = booleans(rs.getArray("is_expression"));
        List<Boolean> descending = booleans(rs.getArray("descending"));
        List<String> opclasses = strings(rs.getArray("opclasses"));
        int keyCount = rs.getInt("key_count");
        List<IndexColumn> columns = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
          columns.add(
              new IndexColumn(
                  names.get(i),
                  expression.get(i),
                  descending.get(i),
                  opclasses.get(i),
                  i < keyCount));
        }
        indexes.add(
            new CatalogIndex(
                rs.getString("schema_name"),
                rs.getString("table_name"),
                rs.getString("index_name"),
                rs.getString("qualified_name"),
                rs.getString("method"),
                rs.getBoolean("is_unique"),
                rs.getBoolean("is_primary"),
                rs.getBoolean("is_valid"),
                columns,
                rs.getString("predicate"),
                rs.getLong("size_bytes"),
                rs.getLong("idx_scan"),
                rs.getString("definition"),
                rs.getString("constraint_name"),
                rs.getBoolean("partitioned"),
                rs.getInt("leaf_partitions"),
                rs.getString("parent_index")));
      }
    }
    return indexes;
  }

  private static List<ForeignKey> foreignKeys(Connection c) throws SQLException {
    List<ForeignKey> keys = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(SqlResources.text(CatalogReader.class, "foreign_keys.sql"))) {
      while (rs.next()) {
        keys.add(
            new ForeignKey(
                rs.getString("constraint_name"),
                rs.getString("schema_name"),
                rs.getString("table_name"),
                strings(rs.getArray("columns")),
                rs.getString("ref_schema_name"),
                rs.getString("ref_table_name"),
                strings(rs.getArray("ref_columns")),
                ForeignKey.Action.fromCode(rs.getString("on_delete")),
                ForeignKey.Action.fromCode(rs.getString("on_update"))));
      }
    }
    return keys;
  }

  private static Map<String, String> extensions(Connection c) throws SQLException {
    Map<String, String> available = new TreeMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(SqlResources.text(CatalogReader.class, "extensions.sql"))) {
      while (rs.next()) {
        String installed = rs.getString("installed_version");
        available.put(rs.getString("name"), installed == null ? "" : installed);
      }
    }
    return available;
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    return Arrays.stream(values).map(String::valueOf).toList();
  }

  private static List<Boolean> booleans(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    return Arrays.stream(values).map(v -> Boolean.TRUE.equals(v)).toList();
  }
}
