package dev.indexlab.db;

import dev.indexlab.IndexlabException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The version a server reports, for the lines and reports that name it. */
public final class ServerVersion {
  private ServerVersion() {}

  /** {@code PostgreSQL 18.1}, from the server's {@code server_version}. */
  public static String of(ConnectionSpec db) {
    try (Connection c = db.open()) {
      return "PostgreSQL " + text(c).split(" ", 2)[0];
    } catch (SQLException e) {
      throw IndexlabException.failed(
          "cannot read the server version of " + db.maskedUrl() + ": " + e.getMessage(), e);
    }
  }

  /** The server's {@code server_version} as it reports it ({@code 18.1}, or with a suffix). */
  public static String text(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW server_version")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
