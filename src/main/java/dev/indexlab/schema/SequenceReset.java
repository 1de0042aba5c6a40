package dev.indexlab.schema;

import dev.indexlab.SqlResources;
import dev.indexlab.db.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves serial and identity sequences past the keys that loading put in their columns, so the
 * application's INSERTs without an id work afterwards. Works on every schema; a sequence is only
 * moved forward (a dump's own {@code setval} that is already ahead is kept), and descending
 * sequences are left alone.
 */
final class SequenceReset {
  private SequenceReset() {}

  /** Resets every column-owned sequence; returns how many were moved. */
  public static int forward(Connection c) throws SQLException {
    List<Owned> owned = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(SqlResources.text(SequenceReset.class, "owned_sequences.sql"))) {
      while (rs.next()) {
        if (rs.getLong(6) > 0) {
          owned.add(
              new Owned(
                  Identifiers.qualified(rs.getString(1), rs.getString(2)),
                  Identifiers.quote(rs.getString(3)),
                  Identifiers.qualified(rs.getString(4), rs.getString(5)),
                  rs.getLong(6)));
        }
      }
    }
    int moved = 0;
    for (Owned o : owned) {
      Long max = single(c, "SELECT max(" + o.column() + ")::bigint FROM " + o.table());
      if (max == null) {
        continue;
      }
      long next;
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT last_value, is_called FROM " + o.sequence())) {
        rs.next();
        next = rs.getBoolean(2) ? rs.getLong(1) + o.increment() : rs.getLong(1);
      }
      if (max >= next) {
        try (PreparedStatement ps = c.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
          ps.setString(1, o.sequence());
          ps.setLong(2, max);
          ps.execute();
        }
        moved++;
      }
    }
    return moved;
  }

  /** A sequence and the column it numbers, quoted for SQL. */
  private record Owned(String table, String column, String sequence, long increment) {}

  private static Long single(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      long v = rs.getLong(1);
      return rs.wasNull() ? null : v;
    }
  }
}
