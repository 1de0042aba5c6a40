package dev.indexlab.testing;

import dev.indexlab.bench.BenchProfile;
import dev.indexlab.bench.BenchSettings;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.JdbcUrlTarget;
import dev.indexlab.scenario.DecisionRule;
import dev.indexlab.scenario.IndexInventory;
import dev.indexlab.scenario.RunPipeline;
import dev.indexlab.schema.TableChecksums;
import dev.indexlab.seed.SeedOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the end-to-end tests need to run the whole pipeline in seconds: the shortest JMH profile (no
 * fork, one 100 ms warm-up, one 200 ms measurement), few parameter sets and EXPLAIN draws, a target
 * for one database of the shared test server, and a snapshot of a database's rows and indexes to
 * prove that a run left it alone.
 */
public final class FastRuns {
  /** In this JVM (no fork), one 100 ms warm-up and one 200 ms measured iteration. */
  public static final BenchProfile PROFILE =
      new BenchProfile("test", 0, 1, Duration.ofMillis(100), 1, Duration.ofMillis(200));

  /** The CLI options that give {@link #PROFILE}'s shape (iteration time applies to both). */
  public static final List<String> CLI_PROFILE =
      List.of("--forks", "0", "--warmup-iterations", "1", "--iterations", "1");

  private FastRuns() {}

  /**
   * JMH refuses to start while another JMH run on the machine holds {@code /tmp/jmh.lock}; test
   * JVMs of other builds may, and a 200 ms measurement does not need the machine to itself.
   */
  public static void allowConcurrentJmh() {
    System.setProperty("jmh.ignoreLock", "true");
  }

  /** Pipeline settings with {@link #PROFILE}, 50 parameter sets and one EXPLAIN draw. */
  public static RunPipeline.Settings settings(
      SeedOptions seed, Path results, boolean advise, List<String> routes) {
    BenchSettings bench =
        new BenchSettings(PROFILE, 1, false, seed.seed(), 50, seed.scale(), "baseline", results);
    return new RunPipeline.Settings(
        seed, bench, 1, results, advise, DecisionRule.defaults(), routes, false);
  }

  /**
   * {@code db} as a user's server (a JDBC URL): seeding needs {@code force}, the template is {@code
   * db} itself and its scenario copies are {@code db.database() + "_" + scenario}.
   */
  public static JdbcUrlTarget target(ConnectionSpec db) {
    return JdbcUrlTarget.connect(db.jdbcUrl(), db.user(), db.password());
  }

  /** The databases on {@code db}'s server whose names start with {@code prefix}. */
  public static List<String> databasesStartingWith(ConnectionSpec db, String prefix)
      throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = db.open();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT datname FROM pg_database WHERE starts_with(datname, ?) ORDER BY 1")) {
      ps.setString(1, prefix);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  /** A database's rows (per-table digests) and indexes, to compare before and after a run. */
  public record Snapshot(
      Map<String, TableChecksums.Digest> tables, Map<String, IndexInventory.IndexInfo> indexes) {
    public static Snapshot of(ConnectionSpec db) throws SQLException {
      try (Connection c = db.open()) {
        return new Snapshot(TableChecksums.compute(c), IndexInventory.read(c));
      }
    }

    /**
     * Index name to definition, without sizes: for a database measured in place, where rolled-back
     * inserts leave index entries behind until VACUUM and so make indexes grow.
     */
    public Map<String, String> indexDefinitions() {
      Map<String, String> out = new TreeMap<>();
      indexes.forEach((name, info) -> out.put(name, info.definition()));
      return out;
    }
  }
}
