package dev.indexlab.db;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Turns the {@code --db} option into a running {@link DatabaseTarget}: {@code embedded} (the
 * default), {@code testcontainers[:image]} or a {@code jdbc:postgresql://} URL.
 */
public final class DatabaseTargets {
  private DatabaseTargets() {}

  /** Checks the option's syntax without starting anything; throws a usage error when wrong. */
  public static void validate(String db) {
    if (db == null
        || db.equals("embedded")
        || db.equals("testcontainers")
        || db.startsWith("testcontainers:")
        || db.startsWith("jdbc:postgresql:")) {
      return;
    }
    throw IndexlabException.usage(
        Setting.DB
            + " "
            + Secrets.maskUrl(db)
            + ": unknown target; use embedded, testcontainers[:image] or jdbc:postgresql://...");
  }

  /** As {@link #open(String, String, String, Map, PgVersion)} with the default version. */
  public static DatabaseTarget open(
      String db, String user, String password, Map<String, String> env) {
    return open(db, user, password, env, null);
  }

  /**
   * Starts or connects to the target. User and password for a JDBC URL come from the options, else
   * from PGUSER / PGPASSWORD in {@code env}.
   *
   * @param version {@code --pg-version}, or null when not given: the embedded server's major
   *     version, or the {@code postgres:N} image of {@code --db testcontainers}. A usage error with
   *     a JDBC URL (that server has its own version) or with an image named explicitly.
   */
  public static DatabaseTarget open(
      String db, String user, String password, Map<String, String> env, PgVersion version) {
    validate(db);
    PgVersion v = version == null ? PgVersion.DEFAULT : version;
    if (db == null || db.equals("embedded")) {
      return EmbeddedTarget.start(v);
    }
    if (db.startsWith("testcontainers")) {
      String image = db.contains(":") ? db.substring(db.indexOf(':') + 1) : v.image();
      if (image.isBlank()) {
        throw IndexlabException.usage(
            Setting.DB + " testcontainers: the image name after ':' is empty");
      }
      if (version != null && db.contains(":")) {
        throw IndexlabException.usage(
            Setting.PG_VERSION
                + " "
                + version
                + " and "
                + Setting.DB
                + " "
                + db
                + " both choose the server; give one ("
                + Setting.DB
                + " testcontainers "
                + Setting.PG_VERSION
                + " "
                + version
                + " uses "
                + version.image()
                + ")");
      }
      return ContainerTarget.start(image);
    }
    if (version != null) {
      throw IndexlabException.usage(
          Setting.PG_VERSION
              + " "
              + version
              + ": a server given by JDBC URL runs its own version; drop "
              + Setting.PG_VERSION);
    }
    Properties url = Driver.parseURL(db, null);
    if (url == null) {
      throw IndexlabException.usage(
          Setting.DB
              + " "
              + Secrets.maskUrl(db)
              + ": not a valid PostgreSQL JDBC URL (jdbc:postgresql://host:port/database?...)");
    }
    Secrets.remember(url.getProperty("password"));
    // the driver lets a URL's user= win over the user given beside it: name the one it will use
    String u =
        url.getProperty("user") != null
            ? url.getProperty("user")
            : user != null ? user : env.getOrDefault("PGUSER", System.getProperty("user.name"));
    String p = password != null ? password : env.get("PGPASSWORD");
    Secrets.remember(p);
    return JdbcUrlTarget.connect(db, u, p);
  }
}
