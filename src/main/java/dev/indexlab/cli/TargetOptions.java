package dev.indexlab.cli;

import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.db.DatabaseTargets;
import dev.indexlab.db.PgVersion;
import picocli.CommandLine.Option;

/**
 * The options that choose the PostgreSQL server: {@code --db}, {@code --pg-version}, {@code
 * --user}, {@code --password}.
 */
public final class TargetOptions {
  @Option(
      names = "--db",
      defaultValue = "embedded",
      paramLabel = "TARGET",
      description =
          "embedded (default: a temporary PostgreSQL), testcontainers[:image], or a"
              + " jdbc:postgresql://host:port/db URL.")
  String db;

  @Option(
      names = "--pg-version",
      paramLabel = "N",
      description =
          "PostgreSQL major version of the server indexlab starts: 14, 15, 16, 17 or 18"
              + " (default: ${dev.indexlab.pg.default}). Embedded: zonky's binaries of that"
              + " version, fetched through Maven on first use unless bundled; testcontainers:"
              + " the postgres:N image.")
  String pgVersion;

  @Option(
      names = "--user",
      paramLabel = "USER",
      description = "User for a JDBC URL (default: PGUSER, else the OS user).")
  String user;

  @Option(
      names = "--password",
      paramLabel = "PASSWORD",
      description = "Password for a JDBC URL (default: PGPASSWORD). Never printed.")
  String password;

  @Option(names = "--verbose", description = "Print stack traces and debug details.")
  boolean verbose;

  /** Validates the options and starts or connects to the server. */
  public DatabaseTarget open() {
    DatabaseTargets.validate(db);
    return DatabaseTargets.open(db, user, password, System.getenv(), pgVersion());
  }

  /**
   * {@code --pg-version}, or null when not given.
   *
   * @throws dev.indexlab.IndexlabException a usage error naming the supported versions
   */
  public PgVersion pgVersion() {
    return pgVersion == null ? null : PgVersion.parse("--pg-version", pgVersion);
  }

  public String db() {
    return db;
  }

  public boolean verbose() {
    return verbose;
  }
}
