package dev.indexlab.cli;

import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.db.DatabaseTargets;
import dev.indexlab.db.Leftovers;
import dev.indexlab.db.PgVersion;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that choose the PostgreSQL server: {@code --db}, {@code --pg-version}, {@code
 * --user}, {@code --password}.
 */
final class TargetOptions {
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

  private List<String> swept = List.of();

  /**
   * Validates the options and starts or connects to the server. On a user's server, first drops
   * what a killed indexlab of this host left there ({@link Leftovers#sweep}), saying so in one line
   * on standard error.
   */
  public DatabaseTarget open() {
    DatabaseTargets.validate(db);
    DatabaseTarget t = DatabaseTargets.open(db, user, password, System.getenv(), pgVersion());
    if (!t.ownsServer()) {
      swept = Leftovers.sweep(t.connection());
      if (!swept.isEmpty()) {
        System.err.println(
            "indexlab: cleaned up after an indexlab that was killed: " + String.join("; ", swept));
      }
    }
    return t;
  }

  /** What {@link #open} cleaned up on the user's server. */
  List<String> swept() {
    return swept;
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
