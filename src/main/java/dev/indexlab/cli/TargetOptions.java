package dev.indexlab.cli;

import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.db.DatabaseTargets;
import picocli.CommandLine.Option;

/**
 * The options that choose the PostgreSQL server: {@code --db}, {@code --user}, {@code --password}.
 */
public final class TargetOptions {
  @Option(
      names = "--db",
      defaultValue = "embedded",
      paramLabel = "TARGET",
      description =
          "embedded (default: a temporary PostgreSQL 17), testcontainers[:image], or a"
              + " jdbc:postgresql://host:port/db URL.")
  String db;

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

  /** Validates the option and starts or connects to the server. */
  public DatabaseTarget open() {
    DatabaseTargets.validate(db);
    return DatabaseTargets.open(db, user, password, System.getenv());
  }

  public String db() {
    return db;
  }

  public boolean verbose() {
    return verbose;
  }
}
