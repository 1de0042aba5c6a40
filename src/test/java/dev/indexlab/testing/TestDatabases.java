package dev.indexlab.testing;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseAdmin;
import dev.indexlab.db.EmbeddedTarget;
import dev.indexlab.db.Identifiers;
import dev.indexlab.db.PgVersion;
import dev.indexlab.schema.SchemaMigrator;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;

/**
 * One embedded PostgreSQL per test JVM, shared by every integration test. Each test gets its own
 * database: empty, or a copy of a template that the SongStackify schema was migrated into once. The
 * server stops when the JVM exits.
 *
 * <p>The shared server is of the default version unless the system property {@value
 * #VERSION_PROPERTY} names another ({@code mvn verify -Dindexlab.test.pg-version=14} runs the whole
 * suite on 14). Version-dependent tests ask for a server of each version they cover with {@link
 * #server(PgVersion)}; each is started once per JVM too.
 */
public final class TestDatabases {
  /** The system property that chooses the shared server's major version. */
  public static final String VERSION_PROPERTY = "indexlab.test.pg-version";

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final Map<PgVersion, EmbeddedTarget> SERVERS = new EnumMap<>(PgVersion.class);
  private static final Set<PgVersion> SCHEMA_TEMPLATES = EnumSet.noneOf(PgVersion.class);

  private TestDatabases() {}

  /** The shared server's version: {@value #VERSION_PROPERTY}, else the default. */
  public static PgVersion version() {
    String v = System.getProperty(VERSION_PROPERTY);
    return v == null || v.isBlank() ? PgVersion.DEFAULT : PgVersion.parse(VERSION_PROPERTY, v);
  }

  /** The shared server, started on first use. */
  public static EmbeddedTarget server() {
    return server(version());
  }

  /** The shared server of {@code version}, started on first use. */
  public static synchronized EmbeddedTarget server(PgVersion version) {
    EmbeddedTarget server = SERVERS.get(version);
    if (server == null) {
      server = EmbeddedTarget.start(version);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      SERVERS.put(version, server);
    }
    return server;
  }

  /** The bundled workload directory (tests run with the project's root as working dir). */
  public static Path songstackifyWorkload() {
    return Path.of("queries").toAbsolutePath();
  }

  /** A new empty database. */
  public static ConnectionSpec empty(String prefix) throws SQLException {
    return empty(version(), prefix);
  }

  /** A new empty database on the server of {@code version}. */
  public static ConnectionSpec empty(PgVersion version, String prefix) throws SQLException {
    ConnectionSpec base = server(version).connection();
    String name = prefix + "_" + COUNTER.incrementAndGet();
    new DatabaseAdmin(base).create(name);
    return base.withDatabase(name);
  }

  /**
   * A new empty database owned by a new login role that may not create databases (NOCREATEDB,
   * NOSUPERUSER), with a random password: the spec connects as that role, as a user's JDBC URL
   * would. The password is set with the driver's {@code alterUserPassword} (hashed before it is
   * sent, never spliced into SQL); print the spec, never {@code password()}.
   */
  public static ConnectionSpec ownedByRoleWithoutCreatedb(String prefix) throws SQLException {
    ConnectionSpec db = empty(prefix);
    String role = db.database() + "_owner";
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String password = HexFormat.of().formatHex(random);
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      st.execute("CREATE ROLE " + Identifiers.quote(role) + " LOGIN NOCREATEDB NOSUPERUSER");
      c.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
      st.execute(
          "ALTER DATABASE "
              + Identifiers.quote(db.database())
              + " OWNER TO "
              + Identifiers.quote(role));
    }
    return new ConnectionSpec(db.jdbcUrl(), role, password);
  }

  /** A new database holding the SongStackify schema (V1) and no rows. */
  public static ConnectionSpec songstackifySchema(String prefix) throws SQLException {
    return songstackifySchema(version(), prefix);
  }

  /** As {@link #songstackifySchema(String)}, on the server of {@code version}. */
  public static synchronized ConnectionSpec songstackifySchema(PgVersion version, String prefix)
      throws SQLException {
    ConnectionSpec base = server(version).connection();
    DatabaseAdmin admin = new DatabaseAdmin(base);
    if (!SCHEMA_TEMPLATES.contains(version)) {
      admin.create("songstackify_schema_template");
      SchemaMigrator.migrate(
          base.withDatabase("songstackify_schema_template"),
          songstackifyWorkload().resolve("schema"),
          "flyway_schema_history");
      SCHEMA_TEMPLATES.add(version);
    }
    String name = prefix + "_" + COUNTER.incrementAndGet();
    admin.createFromTemplate(name, "songstackify_schema_template");
    return base.withDatabase(name);
  }
}
