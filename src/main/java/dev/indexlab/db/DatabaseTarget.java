package dev.indexlab.db;

import java.util.Map;

/**
 * A PostgreSQL server that indexlab works against: an embedded one it started, a container, or a
 * user's server reached by JDBC URL. Closing a target stops whatever indexlab started.
 */
public interface DatabaseTarget extends AutoCloseable {

  /** {@code embedded}, {@code testcontainers} or {@code jdbc}. */
  String kind();

  /** A one-line description safe to print (passwords masked). */
  String description();

  /** The database the user pointed at (or the scratch database indexlab created). */
  ConnectionSpec connection();

  /**
   * True when indexlab owns the server (embedded, container): it may create, clone and drop
   * databases freely. False for a user's server, where nothing is written without a flag.
   */
  boolean ownsServer();

  /** Server settings indexlab applied for benchmarking (empty when it applied none). */
  Map<String, String> appliedSettings();

  @Override
  void close();
}
