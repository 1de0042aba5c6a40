package dev.indexlab.advise;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statement a foreign key's trigger runs for one deleted parent row, written out so plain
 * EXPLAIN can show its plan (EXPLAIN without ANALYZE shows no trigger work): {@code DELETE FROM
 * ONLY child WHERE fk = ?} for ON DELETE CASCADE, {@code UPDATE ONLY child SET fk = NULL ...} for
 * SET NULL ({@code DEFAULT} for SET DEFAULT), and {@code SELECT 1 FROM ONLY child x WHERE fk = ?
 * FOR KEY SHARE OF x} (the existence check) for NO ACTION and RESTRICT; without {@code ONLY} when
 * the child is a partitioned table, as PostgreSQL's trigger writes it. The bound value is a key
 * that occurs in the child table (else one of the parent's), read from the data.
 */
final class CascadeStatements {
  private CascadeStatements() {}

  /** The derived statement with a sample key, or empty when both tables are empty. */
  static Optional<WhatIfStatement> derive(Connection c, Catalog catalog, ForeignKey fk)
      throws SQLException {
    CatalogTable child = catalog.table(fk.schema(), fk.table()).orElse(null);
    CatalogTable parent = catalog.table(fk.refSchema(), fk.refTable()).orElse(null);
    if (child == null || parent == null) {
      return Optional.empty();
    }
    Optional<List<Object>> values = sample(c, child, fk.columns());
    if (values.isEmpty()) {
      values = sample(c, parent, fk.refColumns());
    }
    if (values.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder where = new StringBuilder();
    for (String col : fk.columns()) {
      where.append(where.length() == 0 ? " WHERE " : " AND ").append(q(child, col)).append(" = ?");
    }
    String sql =
        switch (fk.onDelete()) {
          case CASCADE -> "DELETE FROM " + only(child) + child.qualifiedName() + where;
          case SET_NULL, SET_DEFAULT ->
              "UPDATE "
                  + only(child)
                  + child.qualifiedName()
                  + " SET "
                  + setList(child, fk.columns(), fk.onDelete() == ForeignKey.Action.SET_NULL)
                  + where;
          case NO_ACTION, RESTRICT ->
              "SELECT 1 FROM "
                  + only(child)
                  + child.qualifiedName()
                  + " x"
                  + where
                  + " FOR KEY SHARE OF x";
        };
    String label = "trigger of " + fk.name() + " (ON DELETE " + fk.onDelete().sql() + ")";
    return Optional.of(new WhatIfStatement(label, null, null, sql, values.get()));
  }

  private static String setList(CatalogTable t, List<String> columns, boolean toNull) {
    List<String> parts = new ArrayList<>();
    for (String col : columns) {
      parts.add(q(t, col) + (toNull ? " = NULL" : " = DEFAULT"));
    }
    return String.join(", ", parts);
  }

  private static Optional<List<Object>> sample(Connection c, CatalogTable t, List<String> columns)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT ");
    StringBuilder notNull = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      String col = q(t, columns.get(i));
      sql.append(i > 0 ? ", " : "").append(col);
      notNull.append(i > 0 ? " AND " : " WHERE ").append(col).append(" IS NOT NULL");
    }
    sql.append(" FROM ").append(only(t)).append(t.qualifiedName()).append(notNull);
    sql.append(" LIMIT 1");
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql.toString())) {
      if (!rs.next()) {
        return Optional.empty();
      }
      List<Object> values = new ArrayList<>();
      for (int i = 1; i <= columns.size(); i++) {
        values.add(rs.getObject(i));
      }
      return Optional.of(values);
    }
  }

  /**
   * {@code ONLY } for an ordinary table, as the trigger writes it; nothing for a partitioned table,
   * whose rows are all in its partitions (PostgreSQL's trigger reads a partitioned table whole).
   */
  private static String only(CatalogTable t) {
    return t.partitioned() ? "" : "ONLY ";
  }

  private static String q(CatalogTable t, String column) {
    return t.quoted(column).orElseThrow(() -> new IllegalStateException(t.key() + "." + column));
  }
}
