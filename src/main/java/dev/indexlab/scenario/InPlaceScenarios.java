package dev.indexlab.scenario;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.ExitCleanup;
import dev.indexlab.db.Identifiers;
import dev.indexlab.db.Leftovers;
import dev.indexlab.schema.TableChecksums;
import dev.indexlab.text.OneLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every scenario on the one database itself, for a server that does not let indexlab copy it (a
 * JDBC URL whose role lacks CREATEDB; {@code indexlab run --in-place}). {@link #start} takes a
 * {@link DatabaseSnapshot}; {@link #copy} hands out the same database each time; {@link #drop}
 * reverts what the scenario's candidate migrations did and checks the result against the snapshot:
 *
 * <ol>
 *   <li>indexes not in the snapshot (or with another definition) are dropped;
 *   <li>snapshot indexes that are missing are re-created from their saved {@code pg_get_indexdef}
 *       definition (a dropped-index candidate);
 *   <li>extensions not in the snapshot are dropped (without CASCADE: what used them is gone);
 *   <li>the candidates' Flyway history table ({@value CandidateApplier#HISTORY_TABLE}) is dropped,
 *       so the next candidate's migrations start from an empty history;
 *   <li>the index inventory, the extensions and every table's row digest must equal the snapshot's;
 *       any difference fails the run with one line naming it.
 * </ol>
 *
 * The check runs after every scenario, the baseline included. The checksums read every row (a few
 * seconds at scale 1), little next to a scenario's JMH runs, and a scenario that left something
 * behind would otherwise spoil every later measurement, not only the user's database. Rows change
 * only if a migration changes them: route writes are rolled back ({@code --commit} is refused with
 * {@code --in-place}). Sequences that rolled-back inserts advanced are not reverted.
 */
public final class InPlaceScenarios implements ScenarioDatabases {
  private final ConnectionSpec db;
  private final DatabaseSnapshot before;
  private final PrintWriter log;
  private String applied;
  private ExitCleanup.Registration onSignal;

  private Path record;

  private InPlaceScenarios(ConnectionSpec db, DatabaseSnapshot before, PrintWriter log) {
    this.db = db;
    this.before = before;
    this.log = log;
  }

  /**
   * Reverts what in-place runs on {@code db}'s database that were killed (their process is gone)
   * left applied, from their {@link InPlaceRecord}s; returns one phrase per run reverted. A run
   * that still goes on is left alone.
   */
  public static List<String> recover(ConnectionSpec db, PrintWriter log) {
    List<String> done = new ArrayList<>();
    List<InPlaceRecord.Found> found;
    try {
      found = InPlaceRecord.find(Path.of(System.getProperty("java.io.tmpdir")), db);
    } catch (IOException e) {
      return List.of("could not read the records of in-place runs: " + e.getMessage());
    }
    for (InPlaceRecord.Found f : found) {
      if (Leftovers.isAlive(f.pid())) {
        continue;
      }
      String what = "the candidate a killed in-place run (process " + f.pid() + ") left applied";
      try (Connection c = db.open()) {
        DatabaseSnapshot before =
            new DatabaseSnapshot(
                f.record().indexes(),
                f.record().extensions(),
                TableChecksums.compute(c),
                f.record().historySchemas());
        InPlaceScenarios scenarios = new InPlaceScenarios(db, before, log);
        scenarios.revert(what);
        Files.deleteIfExists(f.file());
        done.add("reverted " + what + " in database " + db.database());
      } catch (SQLException | IOException | IndexlabException e) {
        done.add("could not revert " + what + ": " + e.getMessage());
      }
    }
    return done;
  }

  /**
   * Takes the snapshot of {@code db} and says once, on {@code log}, that candidates will be applied
   * to it and reverted. Refuses a database that already holds {@value
   * CandidateApplier#HISTORY_TABLE}: an interrupted in-place run may have left candidates applied.
   */
  public static InPlaceScenarios start(ConnectionSpec db, PrintWriter log) {
    recover(db, log).forEach(r -> log.println("indexlab: " + r));
    long start = System.nanoTime();
    DatabaseSnapshot snapshot;
    try (Connection c = db.open()) {
      snapshot = DatabaseSnapshot.read(c);
    } catch (SQLException e) {
      throw IndexlabException.failed(
          "cannot read indexes, extensions and checksums of database "
              + db.database()
              + ": "
              + firstLine(e),
          e);
    }
    if (!snapshot.historySchemas().isEmpty()) {
      throw IndexlabException.usage(
          "database "
              + db.database()
              + " already has table "
              + snapshot.historySchemas().get(0)
              + "."
              + CandidateApplier.HISTORY_TABLE
              + " (an interrupted in-place run?); check its indexes and drop that table first");
    }
    log.printf(
        Locale.ROOT,
        "in place: every candidate is applied to database %s itself and reverted after its"
            + " scenario; its indexes (%d), extensions (%d) and the checksums of its tables (%d,"
            + " read in %.1f s) are checked against this snapshot after every scenario%n",
        db.database(),
        snapshot.indexes().size(),
        snapshot.extensions().size(),
        snapshot.tables().size(),
        (System.nanoTime() - start) / 1e9);
    log.flush();
    InPlaceScenarios scenarios = new InPlaceScenarios(db, snapshot, log);
    try {
      scenarios.record = InPlaceRecord.of(db, snapshot).write();
    } catch (IOException e) {
      throw IndexlabException.failed(
          "cannot write the record an interrupted in-place run is reverted from: " + e, e);
    }
    return scenarios;
  }

  /** One database: the baseline and the optimized scenario cannot be measured side by side. */
  @Override
  public boolean holdsTwoAtOnce() {
    return false;
  }

  /** The database itself; a scenario still applied is reverted first. */
  @Override
  public ConnectionSpec copy(String scenario) {
    if (applied != null) {
      revert(applied);
    }
    applied = scenario;
    onSignal =
        ExitCleanup.register(
            () -> {
              endOtherSessions();
              revert(scenario);
              forgetRecord();
              return "reverted " + scenario + " in database " + db.database();
            });
    return db;
  }

  /** Reverts the scenario's changes and checks the database against the snapshot. */
  @Override
  public void drop(String scenario) {
    if (applied != null) {
      revert(applied);
    }
  }

  /**
   * Reverts a scenario still applied (a run that failed half-way); a failed revert is also written
   * to the log, as a run's own failure hides it.
   */
  @Override
  public void dropAll() {
    if (applied == null) {
      forgetRecord();
      return;
    }
    try {
      revert(applied);
      forgetRecord();
    } catch (IndexlabException e) {
      log.println("indexlab: " + e.getMessage());
      log.flush();
      throw e;
    }
  }

  /** The run ended with the database as before: its record is no longer needed. */
  private void forgetRecord() {
    try {
      if (record != null) {
        Files.deleteIfExists(record);
      }
    } catch (IOException e) {
      // a record whose owner is gone and whose database is clean reverts nothing
    }
  }

  /**
   * Ends this process's other sessions on the database, so that a revert on a signal does not wait
   * for the locks of a migration or a measurement the command's thread was running.
   */
  private void endOtherSessions() throws SQLException {
    try (Connection c = db.open();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    + " AND application_name = ?")) {
      ps.setString(1, ConnectionSpec.APPLICATION_NAME);
      ps.executeQuery().close();
    }
  }

  private synchronized void revert(String scenario) {
    if (onSignal != null) {
      onSignal.close();
      onSignal = null;
    }
    applied = null;
    List<String> failures = new ArrayList<>();
    DatabaseSnapshot now;
    try (Connection c = db.open()) {
      c.setAutoCommit(true);
      for (Map.Entry<String, String> index : DatabaseSnapshot.indexDefinitions(c).entrySet()) {
        if (!index.getValue().equals(before.indexes().get(index.getKey()))) {
          Optional<String> name = indexName(c, index.getKey());
          if (name.isPresent()) {
            execute(c, "DROP INDEX IF EXISTS " + name.get(), failures);
          }
        }
      }
      Map<String, String> left = DatabaseSnapshot.indexDefinitions(c);
      before
          .indexes()
          .forEach(
              (name, definition) -> {
                if (!left.containsKey(name)) {
                  execute(c, definition, failures);
                }
              });
      for (String extension : DatabaseSnapshot.extensions(c).keySet()) {
        if (!before.extensions().containsKey(extension)) {
          execute(c, "DROP EXTENSION IF EXISTS " + Identifiers.quote(extension), failures);
        }
      }
      for (String schema : DatabaseSnapshot.historySchemas(c)) {
        if (!before.historySchemas().contains(schema)) {
          execute(
              c,
              "DROP TABLE IF EXISTS "
                  + Identifiers.qualified(schema, CandidateApplier.HISTORY_TABLE),
              failures);
        }
      }
      now = DatabaseSnapshot.read(c);
    } catch (SQLException e) {
      throw IndexlabException.failed(
          "cannot revert database " + db.database() + " after " + scenario + ": " + firstLine(e),
          e);
    }
    List<String> differences = before.differences(now);
    if (!differences.isEmpty()) {
      String shown =
          String.join("; ", differences.subList(0, Math.min(5, differences.size())))
              + (differences.size() > 5 ? "; and " + (differences.size() - 5) + " more" : "");
      throw IndexlabException.failed(
          "in-place revert after "
              + scenario
              + " left database "
              + db.database()
              + " different from before: "
              + shown
              + (failures.isEmpty() ? "" : " (" + failures.get(0) + ")"),
          null);
    }
  }

  /** The quoted {@code schema.name} of the index {@link IndexInventory} calls {@code key}. */
  private static Optional<String> indexName(Connection c, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT n.nspname, i.relname FROM pg_class i"
                + " JOIN pg_namespace n ON n.oid = i.relnamespace"
                + " WHERE i.relkind IN ('i', 'I') AND n.nspname || '.' || i.relname = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(Identifiers.qualified(rs.getString(1), rs.getString(2)))
            : Optional.empty();
      }
    }
  }

  /** Runs one revert statement; a failure is kept for the message, the check has the last word. */
  private static void execute(Connection c, String sql, List<String> failures) {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      failures.add(sql + ": " + firstLine(e));
    }
  }

  private static String firstLine(SQLException e) {
    return OneLine.first(e.getMessage() == null ? e.toString() : e.getMessage());
  }
}
