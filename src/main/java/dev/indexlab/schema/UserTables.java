package dev.indexlab.schema;

import dev.indexlab.SqlResources;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables of a database outside the system schemas (Flyway's history table left out), with their
 * columns in order, and the rules that match a data file's name and header to them: the exact
 * spelling first, then a unique case-insensitive match.
 */
public final class UserTables {
  private final Map<TableName, List<String>> columns;
  private final Map<TableName, Set<String>> generated;

  private UserTables(Map<TableName, List<String>> columns, Map<TableName, Set<String>> generated) {
    this.columns = columns;
    this.generated = generated;
  }

  /** Reads the catalog of {@code c}'s database. */
  public static UserTables read(Connection c) throws SQLException {
    Map<TableName, List<String>> columns = new LinkedHashMap<>();
    Map<TableName, Set<String>> generated = new LinkedHashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(SqlResources.text(UserTables.class, "user_tables.sql"))) {
      while (rs.next()) {
        TableName t = new TableName(rs.getString(1), rs.getString(2));
        if (t.name().equals(SchemaLoader.HISTORY_TABLE)) {
          continue;
        }
        columns.computeIfAbsent(t, k -> new ArrayList<>()).add(rs.getString(3));
        Set<String> gen = generated.computeIfAbsent(t, k -> new TreeSet<>());
        if (rs.getBoolean(4)) {
          gen.add(rs.getString(3));
        }
      }
    }
    return new UserTables(columns, generated);
  }

  /** How many tables. */
  public int size() {
    return columns.size();
  }

  /** The tables, by schema and name. */
  public Set<TableName> names() {
    return new TreeSet<>(columns.keySet());
  }

  /** The columns of {@code table} in order. */
  public List<String> columns(TableName table) {
    return columns.getOrDefault(table, List.of());
  }

  /** True when {@code column} of {@code table} is GENERATED ALWAYS AS (...) STORED. */
  public boolean isGenerated(TableName table, String column) {
    return generated.getOrDefault(table, Set.of()).contains(column);
  }

  /** The table a file name means, or why none: exactly one of the two is non-null. */
  public record Match(TableName table, String problem) {}

  /** The table a file named {@code TABLE} or {@code SCHEMA.TABLE} means. */
  public Match resolve(String fileStem) {
    int dot = fileStem.indexOf('.');
    String schema = dot < 0 ? null : fileStem.substring(0, dot);
    String name = dot < 0 ? fileStem : fileStem.substring(dot + 1);
    List<TableName> exact = new ArrayList<>();
    List<TableName> folded = new ArrayList<>();
    for (TableName t : columns.keySet()) {
      if (schema != null && !t.schema().equalsIgnoreCase(schema)) {
        continue;
      }
      if (t.name().equals(name) && (schema == null || t.schema().equals(schema))) {
        exact.add(t);
      } else if (t.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        folded.add(t);
      }
    }
    List<TableName> found = !exact.isEmpty() ? exact : folded;
    if (found.size() == 1) {
      return new Match(found.get(0), null);
    }
    if (found.isEmpty()) {
      return new Match(null, "no table " + fileStem + " in the schema");
    }
    return new Match(
        null, fileStem + " is ambiguous (" + found + "); name the file SCHEMA.TABLE.csv");
  }

  /** The column a header field names, or null: exact spelling first, then case-insensitive. */
  public String column(TableName table, String header) {
    List<String> cols = columns(table);
    if (cols.contains(header)) {
      return header;
    }
    List<String> folded =
        cols.stream()
            .filter(c -> c.toLowerCase(Locale.ROOT).equals(header.toLowerCase(Locale.ROOT)))
            .toList();
    return folded.size() == 1 ? folded.get(0) : null;
  }
}
