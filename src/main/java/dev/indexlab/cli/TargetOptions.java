package dev.indexlab.cli;

import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.db.DatabaseTargets;
import dev.indexlab.db.Leftovers;
import java.util.List;
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

  private List<String> swept = List.of();

  /**
   * Validates the option and starts or connects to the server. On a user's server, first drops what
   * a killed indexlab of this host left there ({@link Leftovers#sweep}), saying so in one line on
   * standard error.
   */
  public DatabaseTarget open() {
    DatabaseTargets.validate(db);
    DatabaseTarget t = DatabaseTargets.open(db, user, password, System.getenv());
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

  public String db() {
    return db;
  }

  public boolean verbose() {
    return verbose;
  }
}
