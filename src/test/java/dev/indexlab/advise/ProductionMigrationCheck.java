package dev.indexlab.advise;

import dev.indexlab.check.CandidateKind;
import dev.indexlab.db.ConnectionSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Applies a candidate's production migration through Flyway on a database (a copy: the indexes are
 * really built) and checks that every index the candidate creates exists and is valid. Flyway runs
 * with {@code postgresql.transactional.lock=false}: with the default transactional advisory lock,
 * Flyway holds a transaction open on a second connection for the whole run, and {@code CREATE INDEX
 * CONCURRENTLY} waits for every older transaction to end (here: until {@code lock_timeout} fails
 * it). The history goes to its own table so the schema's history is not touched. Test support: the
 * tool itself never applies a production migration; the tests check that what it writes runs.
 *
 * <pre>{@code
 * ProductionMigrationCheck.Result r =
 *     ProductionMigrationCheck.apply(copy, folder.directory().resolve(PRODUCTION_DIR), folder.candidate());
 * }</pre>
 */
public final class ProductionMigrationCheck {
  /** The Flyway history table the check writes to. */
  public static final String HISTORY_TABLE = "indexlab_production_history";

  private ProductionMigrationCheck() {}

  /** The outcome: ok, or the first problem (Flyway's error or an index missing or invalid). */
  public record Result(
      boolean ok, int migrationsApplied, List<String> validIndexes, String problem) {
    public Result {
      validIndexes = List.copyOf(validIndexes);
    }
  }

  /** Applies the migrations in {@code productionFolder} to {@code spec}'s database. */
  public static Result apply(ConnectionSpec spec, Path productionFolder, Candidate candidate) {
    return apply(spec, productionFolder, candidate, false);
  }

  /**
   * As {@link #apply(ConnectionSpec, Path, Candidate)}; {@code flywayDefaultLock} keeps Flyway's
   * default (transactional) lock, to show the trap in a test.
   */
  static Result apply(
      ConnectionSpec spec, Path productionFolder, Candidate candidate, boolean flywayDefaultLock) {
    var config =
        Flyway.configure()
            .dataSource(spec.jdbcUrl(), spec.user(), spec.password())
            .locations("filesystem:" + productionFolder.toAbsolutePath())
            .table(HISTORY_TABLE)
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .validateMigrationNaming(true);
    if (!flywayDefaultLock) {
      config
          .getConfigurationExtension(PostgreSQLConfigurationExtension.class)
          .setTransactionalLock(false);
    }
    int applied;
    try {
      applied = config.load().migrate().migrationsExecuted;
    } catch (FlywayException e) {
      return new Result(false, 0, List.of(), "Flyway: " + firstLine(e.getMessage()));
    }
    List<String> valid = new ArrayList<>();
    try (Connection c = spec.open()) {
      for (IndexSpec index : candidate.indexes()) {
        boolean drop = candidate.kind() == CandidateKind.DROP_INDEX;
        Boolean state = validity(c, index);
        if (drop && state != null) {
          return new Result(false, applied, valid, index.name() + " still exists after the drop");
        }
        if (!drop && state == null) {
          return new Result(false, applied, valid, index.name() + " was not created");
        }
        if (!drop && !state) {
          return new Result(
              false, applied, valid, index.name() + " exists but is INVALID (indisvalid = false)");
        }
        if (!drop) {
          int[] span = span(c, index);
          if (span[0] != span[1]) {
            return new Result(
                false,
                applied,
                valid,
                index.name()
                    + " spans "
                    + span[0]
                    + " of the "
                    + span[1]
                    + " partitions of "
                    + index.table());
          }
          valid.add(index.name());
        }
      }
    } catch (SQLException e) {
      return new Result(false, applied, valid, "checking indexes: " + firstLine(e.getMessage()));
    }
    return new Result(true, applied, valid, null);
  }

  /** True/false for a valid/invalid index, null when it does not exist. */
  private static Boolean validity(Connection c, IndexSpec index) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT i.indisvalid AND i.indisready FROM pg_index i"
                + " JOIN pg_class ic ON ic.oid = i.indexrelid"
                + " JOIN pg_namespace n ON n.oid = ic.relnamespace"
                + " WHERE n.nspname = ? AND ic.relname = ?")) {
      ps.setString(1, index.schema());
      ps.setString(2, index.name());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getBoolean(1) : null;
      }
    }
  }

  /**
   * For an index on a partitioned table: the leaf partitions that have their index attached to it,
   * and the table's leaf partitions; {@code {0, 0}} for an index on any other table.
   */
  private static int[] span(Connection c, IndexSpec index) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT (SELECT count(*) FROM pg_partition_tree(ic.oid) WHERE isleaf),"
                + " (SELECT count(*) FROM pg_partition_tree(i.indrelid) WHERE isleaf)"
                + " FROM pg_index i"
                + " JOIN pg_class ic ON ic.oid = i.indexrelid"
                + " JOIN pg_namespace n ON n.oid = ic.relnamespace"
                + " WHERE n.nspname = ? AND ic.relname = ? AND ic.relkind = 'I'")) {
      ps.setString(1, index.schema());
      ps.setString(2, index.name());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new int[] {rs.getInt(1), rs.getInt(2)} : new int[] {0, 0};
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    for (String line : message.split("\\R")) {
      String t = line.trim();
      if (t.startsWith("Message") || t.startsWith("ERROR")) {
        return t;
      }
    }
    return message.split("\\R", 2)[0].trim();
  }
}
