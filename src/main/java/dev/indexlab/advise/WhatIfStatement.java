package dev.indexlab.advise;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A statement the what-if explains, with the values to bind: a route statement as the route runner
 * bound it ({@code route}, 0-based {@code statement}), or a statement derived from a foreign key's
 * trigger ({@code route} null; {@code label} names the constraint). {@code sql} uses JDBC {@code ?}
 * placeholders.
 */
record WhatIfStatement(
    String label, String route, Integer statement, String sql, List<Object> values) {
  public WhatIfStatement {
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }

  /** {@code route r statement 2 "label"} or the label alone. */
  public String describe() {
    if (route == null) {
      return label;
    }
    return route + " statement " + (statement == null ? "?" : statement + 1) + " \"" + label + "\"";
  }

  /** The JSON text of {@code EXPLAIN (FORMAT JSON)} of the statement on {@code c}, values bound. */
  String planJson(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN (FORMAT JSON) " + sql)) {
      for (int i = 0; i < values.size(); i++) {
        ps.setObject(i + 1, values.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
