package dev.indexlab.seed;

import dev.indexlab.db.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys and indexes of the tables being loaded, captured from the catalog ({@code
 * pg_get_constraintdef}, {@code pg_get_indexdef}) so that they can be dropped before COPY and
 * re-created afterwards under their original names: building an index once over loaded rows is much
 * faster than maintaining it row by row, and a foreign key checked by one join after the load is
 * much faster than a trigger call per row.
 *
 * <p>Foreign keys are dropped first. Afterwards each table's primary key, unique constraints and
 * other indexes come back as soon as the table is loaded ({@link #restoreKeys}); each foreign key
 * comes back {@code NOT VALID} (no scan, a moment's lock) and is then validated ({@code VALIDATE
 * CONSTRAINT} only locks the referencing table against other validations, so different tables
 * validate at once). Check and NOT NULL constraints stay in place; COPY checks them as it goes.
 */
final class ConstraintSet {
  /**
   * A constraint as the catalog defines it. Table names are as {@code regclass::text} prints them
   * (quoted, schema-qualified when not on the search path).
   *
   * @param referenced the referenced table of a foreign key, else null
   */
  record Constraint(
      String table,
      String name,
      char type,
      boolean validated,
      String definition,
      String referenced) {

    /** {@code ALTER TABLE ... ADD CONSTRAINT}; foreign keys as NOT VALID when {@code notValid}. */
    String addSql(boolean notValid) {
      String def = definition;
      if (notValid && type == 'f' && validated) {
        def += " NOT VALID";
      }
      return "ALTER TABLE " + table + " ADD CONSTRAINT " + Identifiers.quote(name) + " " + def;
    }

    /** {@code ALTER TABLE ... VALIDATE CONSTRAINT}. */
    String validateSql() {
      return "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + Identifiers.quote(name);
    }

    String dropSql() {
      return "ALTER TABLE " + table + " DROP CONSTRAINT " + Identifiers.quote(name);
    }
  }

  /** An index that no constraint owns. */
  record Index(String table, String name, String definition) {}

  private final List<Constraint> constraints;
  private final List<Index> indexes;

  private ConstraintSet(List<Constraint> constraints, List<Index> indexes) {
    this.constraints = constraints;
    this.indexes = indexes;
  }

  /** Reads the definitions for {@code tables} (names resolved through the search path). */
  static ConstraintSet capture(Connection c, List<String> tables) throws SQLException {
    List<Constraint> constraints = new ArrayList<>();
    try (PreparedStatement ps = SqlResource.withTables(c, "constraints.sql", tables);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        constraints.add(
            new Constraint(
                rs.getString("table_name"),
                rs.getString("constraint_name"),
                rs.getString("constraint_type").charAt(0),
                rs.getBoolean("validated"),
                rs.getString("definition"),
                rs.getString("referenced_table")));
      }
    }
    List<Index> indexes = new ArrayList<>();
    try (PreparedStatement ps = SqlResource.withTables(c, "indexes.sql", tables);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        indexes.add(
            new Index(
                rs.getString("table_name"),
                rs.getString("index_name"),
                rs.getString("definition")));
      }
    }
    return new ConstraintSet(constraints, indexes);
  }

  /** Drops everything captured, foreign keys first, in one transaction. */
  void dropAll(Connection c) throws SQLException {
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      for (Constraint k : foreignKeys()) {
        st.execute(k.dropSql());
      }
      for (Constraint k : constraints) {
        if (k.type() != 'f') {
          st.execute(k.dropSql());
        }
      }
      for (Index i : indexes) {
        st.execute("DROP INDEX " + i.name());
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /**
   * Re-creates the primary key, unique constraints and plain indexes of {@code table}, on the
   * caller's statement and in its transaction.
   */
  void restoreKeys(Statement st, String table) throws SQLException {
    for (char type : new char[] {'p', 'u'}) {
      for (Constraint k : constraints) {
        if (k.type() == type && k.table().equals(table)) {
          st.execute(k.addSql(false));
        }
      }
    }
    for (Index i : indexes) {
      if (i.table().equals(table)) {
        st.execute(i.definition());
      }
    }
  }

  /** Every foreign key captured. */
  List<Constraint> foreignKeys() {
    return constraints.stream().filter(k -> k.type() == 'f').toList();
  }

  /** The foreign keys declared on {@code table}. */
  List<Constraint> foreignKeysOf(String table) {
    return foreignKeys().stream().filter(k -> k.table().equals(table)).toList();
  }

  /** Tables that declare at least one captured foreign key, loaded or not. */
  Set<String> foreignKeyOwners() {
    Set<String> owners = new LinkedHashSet<>();
    foreignKeys().forEach(k -> owners.add(k.table()));
    return owners;
  }

  /**
   * After a failed load: re-creates whatever is missing, each statement on its own, ignoring those
   * that fail (already present, or data that no longer fits). Best effort; never throws.
   */
  void restoreQuietly(Connection c) {
    List<String> statements = new ArrayList<>();
    for (char type : new char[] {'p', 'u'}) {
      for (Constraint k : constraints) {
        if (k.type() == type) {
          statements.add(k.addSql(false));
        }
      }
    }
    for (Index i : indexes) {
      statements.add(i.definition());
    }
    for (Constraint k : foreignKeys()) {
      statements.add(k.addSql(false));
    }
    for (String sql : statements) {
      try (Statement st = c.createStatement()) {
        st.execute(sql);
      } catch (SQLException e) {
        // already there, or cannot be restored; the load's own failure is what gets reported
      }
    }
  }

  List<Constraint> constraints() {
    return constraints;
  }

  List<Index> indexes() {
    return indexes;
  }
}
