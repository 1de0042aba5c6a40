package dev.indexlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.testing.FastRuns;
import dev.indexlab.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link InPlaceScenarios} on a small table: what a scenario adds (indexes, an extension, the
 * candidates' Flyway history) is removed, what it drops is re-created, and what the revert cannot
 * undo (a changed row, an index a constraint holds) fails the check with one line naming it.
 */
class InPlaceScenariosIT {
  @TempDir Path dir;

  /** The databases of this test whose failed revert keeps its record for {@code doctor}. */
  private final List<ConnectionSpec> failed = new ArrayList<>();

  /**
   * A revert that fails keeps the run's record in the temp folder on purpose ({@code doctor}
   * reverts from it once the process is gone); the test's own records go with the test.
   */
  @AfterEach
  void deleteTheRecordsFailedRevertsKept() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    for (ConnectionSpec db : failed) {
      for (InPlaceRecord.Found f : InPlaceRecord.find(tmp, db)) {
        Files.delete(f.file());
      }
    }
  }

  private final StringWriter log = new StringWriter();

  private static ConnectionSpec smallDatabase() throws SQLException {
    ConnectionSpec db = TestDatabases.empty("inplace");
    sql(
        db,
        "CREATE TABLE t (id bigint PRIMARY KEY, v text NOT NULL, n int NOT NULL)",
        "INSERT INTO t SELECT g, 'value ' || g, g % 10 FROM generate_series(1, 500) AS g",
        "CREATE INDEX t_n_idx ON t (n)");
    return db;
  }

  private static void sql(ConnectionSpec db, String... statements) throws SQLException {
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  private static List<String> extensions(ConnectionSpec db) throws SQLException {
    try (Connection c = db.open()) {
      return List.copyOf(DatabaseSnapshot.extensions(c).keySet());
    }
  }

  private static List<String> historySchemas(ConnectionSpec db) throws SQLException {
    try (Connection c = db.open()) {
      return DatabaseSnapshot.historySchemas(c);
    }
  }

  @Test
  void revertRemovesWhatAScenarioAddedAndRecreatesWhatItDropped() throws Exception {
    ConnectionSpec db = smallDatabase();
    FastRuns.Snapshot before = FastRuns.Snapshot.of(db);
    List<String> extensionsBefore = extensions(db);
    Path candidate = Files.createDirectories(dir.resolve("candidate"));
    Files.writeString(candidate.resolve("V1001__t_v.sql"), "CREATE INDEX t_v_idx ON t (v);\n");

    InPlaceScenarios scenarios = InPlaceScenarios.start(db, new PrintWriter(log, true));
    assertThat(log.toString())
        .startsWith("in place: every candidate is applied to database " + db.database())
        .contains("indexes (2)", "tables (1,");

    assertThat(scenarios.copy("first")).isEqualTo(db);
    CandidateApplier.Applied applied = CandidateApplier.apply(db, "first", List.of(candidate));
    assertThat(applied.error()).isNull();
    assertThat(applied.added())
        .extracting(IndexInventory.IndexInfo::name)
        .contains("public.t_v_idx");
    sql(
        db,
        "CREATE EXTENSION pg_trgm",
        "CREATE INDEX t_v_trgm ON t USING gin (v gin_trgm_ops)",
        "DROP INDEX t_n_idx");
    assertThat(historySchemas(db)).containsExactly("public");
    scenarios.drop("first");

    assertThat(FastRuns.Snapshot.of(db)).isEqualTo(before);
    assertThat(extensions(db)).isEqualTo(extensionsBefore).doesNotContain("pg_trgm");
    assertThat(historySchemas(db)).isEmpty();

    // the next candidate's migration of the same version applies: the history went with the revert
    assertThat(scenarios.copy("second")).isEqualTo(db);
    assertThat(CandidateApplier.apply(db, "second", List.of(candidate)).error()).isNull();
    scenarios.dropAll();
    assertThat(FastRuns.Snapshot.of(db)).isEqualTo(before);
    assertThat(historySchemas(db)).isEmpty();
  }

  @Test
  void aChangedRowFailsTheCheckNamingTheTable() throws Exception {
    ConnectionSpec db = smallDatabase();
    InPlaceScenarios scenarios = InPlaceScenarios.start(db, new PrintWriter(log, true));
    failed.add(db);
    scenarios.copy("leaky");
    sql(db, "UPDATE t SET v = 'changed' WHERE id = 7");

    assertThatThrownBy(() -> scenarios.drop("leaky"))
        .isInstanceOfSatisfying(
            IndexlabException.class,
            e -> {
              assertThat(e.status()).isEqualTo(IndexlabException.JOB_FAILED);
              assertThat(e.getMessage())
                  .startsWith(
                      "in-place revert after leaky left database "
                          + db.database()
                          + " different from before: table public.t: 500 rows, sum ")
                  .doesNotContain("\n");
            });
  }

  @Test
  void anIndexTheRevertCannotDropFailsTheCheckNamingIt() throws Exception {
    ConnectionSpec db = smallDatabase();
    InPlaceScenarios scenarios = InPlaceScenarios.start(db, new PrintWriter(log, true));
    failed.add(db);
    scenarios.copy("constraint");
    sql(db, "ALTER TABLE t ADD CONSTRAINT t_v_key UNIQUE (v)");

    assertThatThrownBy(scenarios::dropAll)
        .isInstanceOf(IndexlabException.class)
        .hasMessageContaining("different from before: index public.t_v_key added (")
        .hasMessageContaining("cannot drop index t_v_key because constraint t_v_key")
        .hasMessageNotContaining("\n");
    assertThat(log.toString()).contains("indexlab: in-place revert after constraint left");
  }

  @Test
  void aLeftoverCandidateHistoryIsRefusedBeforeAnythingIsApplied() throws Exception {
    ConnectionSpec db = smallDatabase();
    sql(db, "CREATE TABLE " + CandidateApplier.HISTORY_TABLE + " (installed_rank int)");

    assertThatThrownBy(() -> InPlaceScenarios.start(db, new PrintWriter(log, true)))
        .isInstanceOfSatisfying(
            IndexlabException.class, e -> assertThat(e.status()).isEqualTo(IndexlabException.USAGE))
        .hasMessageContaining("already has table public.indexlab_candidate_history");
  }
}
