package dev.indexlab.explain;

import dev.indexlab.SqlResources;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Finds the foreign key behind a trigger EXPLAIN ANALYZE reported, in pg_trigger and pg_constraint:
 * by the trigger's name and table and the constraint's name, in any schema (a table on the
 * search_path wins when several schemas hold one of that name). Names are matched exactly, so
 * mixed-case and quoted names work.
 */
final class ForeignKeyCatalog {
  private static final String SQL =
      SqlResources.text(ForeignKeyCatalog.class, "foreign-key-trigger.sql");

  private ForeignKeyCatalog() {}

  static Optional<ForeignKeyTrigger> find(Connection c, TriggerTime trigger) throws SQLException {
    if (trigger.constraintName() == null || trigger.triggerName() == null) {
      return Optional.empty();
    }
    try (PreparedStatement ps = c.prepareStatement(SQL)) {
      ps.setString(1, trigger.relation());
      ps.setString(2, trigger.triggerName());
      ps.setString(3, trigger.constraintName());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        ReferentialAction action = ReferentialAction.ofFunction(rs.getString("function_name"));
        if (action == null) {
          return Optional.empty();
        }
        return Optional.of(
            new ForeignKeyTrigger(
                rs.getString("constraint_name"),
                action,
                rs.getString("fk_schema"),
                rs.getString("fk_table"),
                rs.getBoolean("fk_partitioned"),
                strings(rs.getArray("fk_columns")),
                strings(rs.getArray("fk_types")),
                rs.getString("pk_schema"),
                rs.getString("pk_table"),
                rs.getBoolean("pk_partitioned"),
                strings(rs.getArray("pk_columns")),
                strings(rs.getArray("pk_types")),
                strings(rs.getArray("set_columns"))));
      }
    }
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    return java.util.Arrays.stream(values).map(String::valueOf).toList();
  }
}
