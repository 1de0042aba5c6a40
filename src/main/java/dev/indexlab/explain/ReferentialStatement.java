package dev.indexlab.explain;

import dev.indexlab.db.Identifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement a foreign key's trigger runs for one parent row, written as PostgreSQL's
 * referential-integrity code writes it (ri_triggers.c): {@code ONLY} unless the table is
 * partitioned, one equality per key column, parameters typed like the key they come from.
 *
 * @param jdbcSql the statement with {@code ?} placeholders
 * @param numberedSql the same with {@code $1, $2...} (for a generic plan)
 * @param bindings where each placeholder's value comes from, in order
 */
record ReferentialStatement(String jdbcSql, String numberedSql, List<Binding> bindings) {

  public ReferentialStatement {
    bindings = List.copyOf(bindings);
  }

  /**
   * One placeholder's value: a column of the row the parent statement changed, before the change
   * ({@code old}) or after it.
   */
  public record Binding(String column, boolean old) {}

  /** The statement the trigger of {@code fk} runs. */
  public static ReferentialStatement derive(ForeignKeyTrigger fk) {
    Builder b = new Builder();
    ReferentialAction a = fk.action();
    String fkTable =
        table(fk.referencingSchema(), fk.referencingTable(), fk.referencingPartitioned());
    switch (a) {
      case DELETE_CASCADE:
        b.text("DELETE FROM ").text(fkTable);
        matchReferencing(b, fk);
        break;
      case DELETE_SET_NULL:
      case DELETE_SET_DEFAULT:
      case UPDATE_SET_NULL:
      case UPDATE_SET_DEFAULT:
        {
          String value = a.name().endsWith("NULL") ? "NULL" : "DEFAULT";
          List<String> set =
              a.firedByUpdate() || fk.setColumns().isEmpty()
                  ? fk.referencingColumns()
                  : fk.setColumns();
          b.text("UPDATE ").text(fkTable).text(" SET ");
          for (int i = 0; i < set.size(); i++) {
            b.text(i > 0 ? ", " : "").text(Identifiers.quote(set.get(i))).text(" = " + value);
          }
          matchReferencing(b, fk);
        }
        break;
      case UPDATE_CASCADE:
        b.text("UPDATE ").text(fkTable).text(" SET ");
        for (int i = 0; i < fk.referencingColumns().size(); i++) {
          b.text(i > 0 ? ", " : "").text(Identifiers.quote(fk.referencingColumns().get(i)));
          b.text(" = ").param(fk.referencedColumns().get(i), false, fk.referencedTypes().get(i));
        }
        matchReferencing(b, fk);
        break;
      case INSERT_CHECK:
      case UPDATE_CHECK:
        b.text("SELECT 1 FROM ")
            .text(table(fk.referencedSchema(), fk.referencedTable(), fk.referencedPartitioned()))
            .text(" x WHERE ");
        for (int i = 0; i < fk.referencedColumns().size(); i++) {
          b.text(i > 0 ? " AND " : "").text(Identifiers.quote(fk.referencedColumns().get(i)));
          b.text(" = ").param(fk.referencingColumns().get(i), false, fk.referencingTypes().get(i));
        }
        b.text(" FOR KEY SHARE OF x");
        break;
      default: // NO ACTION and RESTRICT: look for (and lock) a referencing row
        b.text("SELECT 1 FROM ").text(fkTable).text(" x");
        matchReferencing(b, fk);
        b.text(" FOR KEY SHARE OF x");
        break;
    }
    return new ReferentialStatement(b.jdbc.toString(), b.numbered.toString(), b.bindings);
  }

  /** {@code WHERE fk1 = ? AND ...}, bound to the referenced key before the change. */
  private static void matchReferencing(Builder b, ForeignKeyTrigger fk) {
    b.text(" WHERE ");
    for (int i = 0; i < fk.referencingColumns().size(); i++) {
      b.text(i > 0 ? " AND " : "").text(Identifiers.quote(fk.referencingColumns().get(i)));
      b.text(" = ").param(fk.referencedColumns().get(i), true, fk.referencedTypes().get(i));
    }
  }

  private static String table(String schema, String table, boolean partitioned) {
    return (partitioned ? "" : "ONLY ") + Identifiers.qualified(schema, table);
  }

  private static final class Builder {
    final StringBuilder jdbc = new StringBuilder();
    final StringBuilder numbered = new StringBuilder();
    final List<Binding> bindings = new ArrayList<>();

    Builder text(String s) {
      jdbc.append(s);
      numbered.append(s);
      return this;
    }

    Builder param(String sourceColumn, boolean old, String type) {
      bindings.add(new Binding(sourceColumn, old));
      jdbc.append("?::").append(type);
      numbered.append('$').append(bindings.size()).append("::").append(type);
      return this;
    }
  }
}
