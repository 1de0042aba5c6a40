package dev.indexlab.db;

import dev.indexlab.IndexlabException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A user's own server, reached by a {@code jdbc:postgresql://} URL. indexlab never writes to it or
 * alters it unless a command's explicit flag ({@code --force}) says so.
 */
public final class JdbcUrlTarget implements DatabaseTarget {
  private final ConnectionSpec spec;

  private JdbcUrlTarget(ConnectionSpec spec) {
    this.spec = spec;
  }

  /**
   * Connects once to check the URL, host and credentials. An unreachable host fails within the
   * driver's 10-second connect timeout; wrong credentials and a missing database fail at once. Each
   * is a configuration error (exit 2), raised before anything is seeded or measured.
   */
  public static JdbcUrlTarget connect(String url, String user, String password) {
    ConnectionSpec spec = new ConnectionSpec(url, user, password);
    try (Connection c = spec.open()) {
      c.isValid(5);
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]";
      throw new IndexlabException(
          IndexlabException.USAGE,
          "cannot connect to "
              + spec.maskedUrl()
              + ": "
              + Secrets.scrub(e.getMessage(), password)
              + state,
          e);
    }
    return new JdbcUrlTarget(spec);
  }

  @Override
  public String kind() {
    return "jdbc";
  }

  @Override
  public String description() {
    return spec.maskedUrl() + " (user " + spec.user() + ")";
  }

  @Override
  public ConnectionSpec connection() {
    return spec;
  }

  @Override
  public boolean ownsServer() {
    return false;
  }

  @Override
  public Map<String, String> appliedSettings() {
    return Map.of();
  }

  @Override
  public void close() {
    // nothing was started
  }
}
