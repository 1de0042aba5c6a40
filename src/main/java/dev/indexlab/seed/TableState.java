package dev.indexlab.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of a loader's tables exist in a database and which already hold rows; what seeding checks
 * before it touches anything. {@link #relation(String)} gives a table's name as {@code
 * regclass::text} prints it (quoted, schema-qualified when not on the search path), the form that
 * the loader builds its statements with.
 */
record TableState(Map<String, String> relations, List<String> withRows) {

  /** Looks up {@code tables} (resolved through the search path) in {@code c}'s database. */
  static TableState inspect(Connection c, List<String> tables) throws SQLException {
    Map<String, String> relations = new LinkedHashMap<>();
    try (PreparedStatement ps = SqlResource.withTables(c, "table-state.sql", tables);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        relations.put(rs.getString(1), rs.getString(2));
      }
    }
    List<String> withRows = new ArrayList<>();
    for (Map.Entry<String, String> e : relations.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM " + e.getValue() + ")")) {
        rs.next();
        if (rs.getBoolean(1)) {
          withRows.add(e.getKey());
        }
      }
    }
    return new TableState(relations, withRows);
  }

  /** The table's name as the catalog prints it, or null when it does not exist. */
  String relation(String table) {
    return relations.get(table);
  }

  List<String> missing() {
    return relations.entrySet().stream()
        .filter(e -> e.getValue() == null)
        .map(Map.Entry::getKey)
        .toList();
  }

  boolean noneExist() {
    return missing().size() == relations.size();
  }

  boolean allExist() {
    return missing().isEmpty();
  }

  boolean anyRows() {
    return !withRows.isEmpty();
  }
}
