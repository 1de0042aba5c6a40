package dev.indexlab.check;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseAdmin;
import dev.indexlab.db.DatabaseTarget;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A throw-away database that {@code indexlab check} loads a workload into, and copies of it for
 * candidates. It is created on a server indexlab owns, or on a user's server only when the role may
 * create databases; {@link #close()} drops it (and any copy left behind). The user's own database
 * is never written to.
 */
final class ScratchDatabase implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DatabaseAdmin admin;
  private final ConnectionSpec server;
  private final String name;

  private ScratchDatabase(DatabaseAdmin admin, ConnectionSpec server, String name) {
    this.admin = admin;
    this.server = server;
    this.name = name;
  }

  /** Creates a scratch database, or returns empty when the role may not create databases. */
  static Optional<ScratchDatabase> create(DatabaseTarget target) throws SQLException {
    ConnectionSpec server = target.connection();
    if (!target.ownsServer()) {
      try (Connection c = server.open()) {
        if (!DatabaseAdmin.canCreateDatabases(c)) {
          return Optional.empty();
        }
      }
    }
    DatabaseAdmin admin = new DatabaseAdmin(server);
    String name = "indexlab_check_" + HexFormat.of().toHexDigits(RANDOM.nextInt());
    admin.create(name);
    return Optional.of(new ScratchDatabase(admin, server, name));
  }

  /** The scratch database. */
  ConnectionSpec connection() {
    return server.withDatabase(name);
  }

  /**
   * A copy of the scratch database named with {@code suffix}; no session may be connected to the
   * scratch database while it is copied. The caller drops it with {@link #drop}.
   */
  ConnectionSpec copy(String suffix) throws SQLException {
    String copy = name + "_" + suffix;
    admin.dropIfExists(copy);
    admin.createFromTemplate(copy, name);
    return server.withDatabase(copy);
  }

  /** Drops a copy made by {@link #copy}. */
  void drop(ConnectionSpec copy) throws SQLException {
    admin.dropIfExists(copy.database());
  }

  @Override
  public void close() throws SQLException {
    admin.dropIfExists(name);
  }
}
