package dev.indexlab.capture;

import dev.indexlab.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The types the server infers for a statement's placeholders: the statement is PREPAREd (parsed and
 * analyzed, never executed) under a name of this session and its row of pg_prepared_statements
 * read, then DEALLOCATEd. A statement the server cannot analyze (a dropped table, a temporary one)
 * fails here with the server's message.
 */
final class ParameterTypes {
  private static final String NAME = "indexlab_capture";

  /** A placeholder's type: {@code pg_type.typname} and the type as SQL writes it. */
  record Type(String typname, String sqlType) {}

  private ParameterTypes() {}

  /** The types of {@code $1..$n}, in order. */
  static List<Type> of(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      // the text is the server's own record of a statement, not a value: it cannot be bound
      st.execute("PREPARE " + NAME + " AS " + sql);
    }
    try {
      List<Type> out = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(SqlResources.text(ParameterTypes.class, "parameter-types.sql"))) {
        ps.setString(1, NAME);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Type(rs.getString(1), rs.getString(2)));
          }
        }
      }
      return out;
    } finally {
      try (Statement st = c.createStatement()) {
        st.execute("DEALLOCATE " + NAME);
      }
    }
  }
}
