package dev.indexlab.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to reach one database: a JDBC URL plus user and password. {@link #toString()} masks the
 * password, so a spec can be logged safely; {@link #password()} is for drivers only.
 */
public record ConnectionSpec(String jdbcUrl, String user, String password) {
  /**
   * The sessions' {@code application_name}: indexlab and its process id, so that indexlab can end
   * its own sessions (and only them) when a signal stops it.
   */
  public static final String APPLICATION_NAME = "indexlab-" + ProcessHandle.current().pid();

  private static final Pattern DATABASE_PART =
      Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?$");

  /** The same server and credentials, another database on it. */
  public ConnectionSpec withDatabase(String database) {
    Matcher m = DATABASE_PART.matcher(jdbcUrl);
    if (!m.matches()) {
      throw new IllegalStateException("not a jdbc:postgresql URL: " + Secrets.maskUrl(jdbcUrl));
    }
    String query = m.group(3) == null ? "" : m.group(3);
    return new ConnectionSpec(m.group(1) + database + query, user, password);
  }

  /** The database name this spec connects to. */
  public String database() {
    Matcher m = DATABASE_PART.matcher(jdbcUrl);
    if (!m.matches() || m.group(2).isEmpty()) {
      return user;
    }
    return m.group(2);
  }

  /** Opens a plain connection (no pool); the caller closes it. */
  public Connection open() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, properties());
  }

  /** Driver properties: user, password, and timeouts that make an unreachable host fail fast. */
  public Properties properties() {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", "10");
    props.setProperty("loginTimeout", "10");
    props.setProperty("ApplicationName", APPLICATION_NAME);
    return props;
  }

  /** The URL with any password masked, for messages and reports. */
  public String maskedUrl() {
    return Secrets.maskUrl(jdbcUrl);
  }

  @Override
  public String toString() {
    return "ConnectionSpec[" + maskedUrl() + ", user=" + user + "]";
  }
}
