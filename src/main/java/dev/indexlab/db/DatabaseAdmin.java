package dev.indexlab.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates, clones and drops databases on a server indexlab owns, through its maintenance database.
 * Cloning uses {@code CREATE DATABASE ... TEMPLATE}, which needs the template to have no open
 * connections: close pools on it first.
 */
public final class DatabaseAdmin {
  private final ConnectionSpec maintenance;

  /** {@code anyDatabase}'s server, reached through its {@code postgres} database. */
  public DatabaseAdmin(ConnectionSpec anyDatabase) {
    this.maintenance = anyDatabase.withDatabase("postgres");
  }

  public boolean exists(String database) throws SQLException {
    try (Connection c = maintenance.open();
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      ps.setString(1, database);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** True when the connected role may create databases (superuser or CREATEDB). */
  public static boolean canCreateDatabases(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  public void create(String database) throws SQLException {
    execute("CREATE DATABASE " + Identifiers.quote(database));
  }

  /**
   * Creates {@code database} as a file-level copy of {@code template}. PostgreSQL 15 made the
   * WAL-logged copy the default and added the STRATEGY option to choose; 14 only copies files and
   * knows no such option.
   */
  public void createFromTemplate(String database, String template) throws SQLException {
    try (Connection c = maintenance.open();
        Statement st = c.createStatement()) {
      boolean hasStrategy = c.getMetaData().getDatabaseMajorVersion() >= 15;
      st.execute(
          "CREATE DATABASE "
              + Identifiers.quote(database)
              + " TEMPLATE "
              + Identifiers.quote(template)
              + (hasStrategy ? " STRATEGY FILE_COPY" : ""));
    }
  }

  /**
   * Marks {@code database} as a scenario copy of this indexlab process ({@link
   * Leftovers#copyComment}), so that a later indexlab can tell it from the user's databases and
   * drop it once this process is gone. The statement is built by the server from bound values.
   */
  public void markAsCopy(String database) throws SQLException {
    try (Connection c = maintenance.open();
        PreparedStatement ps =
            c.prepareStatement("SELECT format('COMMENT ON DATABASE %I IS %L', ?, ?)")) {
      ps.setString(1, database);
      ps.setString(2, Leftovers.copyComment());
      String sql;
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        sql = rs.getString(1);
      }
      try (Statement st = c.createStatement()) {
        st.execute(sql);
      }
    }
  }

  /** Drops {@code database} if it exists, ending other sessions on it first. */
  public void dropIfExists(String database) throws SQLException {
    execute("DROP DATABASE IF EXISTS " + Identifiers.quote(database) + " WITH (FORCE)");
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = maintenance.open();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
