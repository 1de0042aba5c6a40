package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.results.Finding;
import dev.indexlab.results.FindingKind;
import dev.indexlab.schema.TableChecksums;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drill-downs on the SongStackify schema with a few hundred rows. Whether triggers dominate is a
 * matter of timing, so these tests drill into every foreign-key trigger (share 0) and assert the
 * derived statements, their plans and that no row changed.
 */
class TriggerDrillDownIT {
  private static ConnectionSpec db;
  private final StatementExplainer explainer = new StatementExplainer();
  private final TriggerDrillDown drill = new TriggerDrillDown(explainer, 0.0, 3);

  @BeforeAll
  static void database() throws SQLException {
    db = ExplainTestData.songstackifyWithRows("drilldown");
  }

  private static DrillDown named(List<DrillDown> all, String constraint) {
    return all.stream()
        .filter(d -> constraint.equals(d.constraintName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no drill-down " + constraint + " in " + all));
  }

  private static PlanNode scanOf(Plan plan) {
    return plan.root().walk().filter(n -> n.nodeType().endsWith("Scan")).findFirst().orElseThrow();
  }

  @Test
  void deleteUserDrillsIntoTheSongHistoryCascadeAndFindsTheSeqScan() throws SQLException {
    try (Connection c = db.open()) {
      Map<String, TableChecksums.Digest> before = TableChecksums.compute(c);
      String sql = "DELETE FROM users WHERE id = ?";
      Plan plan = explainer.explain(c, sql, List.of(5L), true).plan();
      List<DrillDown> drills = drill.drillDown(c, sql, List.of(5L), plan);

      DrillDown history = named(drills, "song_history_user_id_fkey");
      assertThat(history.action()).isEqualTo(ReferentialAction.DELETE_CASCADE);
      assertThat(history.referencingTable()).isEqualTo("public.song_history");
      assertThat(history.referencingColumns()).containsExactly("user_id");
      assertThat(history.derivedSql())
          .isEqualTo("DELETE FROM ONLY \"public\".\"song_history\" WHERE \"user_id\" = ?::bigint");
      assertThat(history.keyValues()).containsExactly(5L);
      assertThat(history.affectedRows()).isEqualTo(1);
      assertThat(history.note()).isNull();
      assertThat(history.analyzed()).isTrue();
      PlanNode scan = scanOf(history.plan());
      assertThat(scan.nodeType()).isEqualTo("Seq Scan");
      assertThat(scan.relationName()).isEqualTo("song_history");
      assertThat(scan.filter()).isEqualTo("(user_id = '5'::bigint)");
      assertThat(scan.rowsRemovedByFilter()).isGreaterThan(1000.0);
      assertThat(named(drills, "users_playlist_position_user_id_fkey").plan()).isNotNull();
      assertThat(named(drills, "user_moods_user_id_fkey").derivedSql())
          .isEqualTo("DELETE FROM ONLY \"public\".\"user_moods\" WHERE \"user_id\" = ?::bigint");

      List<Finding> findings =
          new FindingDetector(FindingThresholds.DEFAULTS, RelationNames.fromCatalog(c))
              .detect(plan, drills, "users_delete", 1);
      assertThat(findings)
          .filteredOn(f -> f.kind() == FindingKind.SEQ_SCAN_REMOVES_MOST_ROWS)
          .anySatisfy(
              f -> {
                assertThat(f.relation()).isEqualTo("public.song_history");
                assertThat(f.columns()).containsExactly("user_id");
                assertThat(f.drillDown()).isEqualTo("song_history_user_id_fkey");
              });
      assertThat(TableChecksums.compute(c)).isEqualTo(before);
    }
  }

  @Test
  void deleteSongDrillsIntoItsThreeCascadesAndTheNestedSetNull() throws SQLException {
    try (Connection c = db.open()) {
      Map<String, TableChecksums.Digest> before = TableChecksums.compute(c);
      c.setAutoCommit(false);
      String sql = "DELETE FROM songs WHERE id = ?";
      Plan plan = explainer.explain(c, sql, List.of(9L), true).plan();
      List<DrillDown> drills = drill.drillDown(c, sql, List.of(9L), plan);

      assertThat(drills)
          .extracting(DrillDown::constraintName)
          .containsExactly(
              "links_song_id_fkey", "playlist_songs_song_id_fkey", "song_history_song_id_fkey");
      assertThat(drills).allSatisfy(d -> assertThat(d.analyzed()).isTrue());
      assertThat(scanOf(named(drills, "song_history_song_id_fkey").plan()).filter())
          .isEqualTo("(song_id = '9'::bigint)");

      DrillDown entries = named(drills, "playlist_songs_song_id_fkey");
      assertThat(entries.affectedRows()).isEqualTo(1);
      DrillDown position =
          named(entries.nested(), "users_playlist_position_playlist_song_position_fkey");
      assertThat(position.action()).isEqualTo(ReferentialAction.DELETE_SET_NULL);
      assertThat(position.triggerRelation()).isEqualTo("playlist_songs");
      assertThat(position.derivedSql())
          .isEqualTo(
              "UPDATE ONLY \"public\".\"users_playlist_position\""
                  + " SET \"playlist_song_position\" = NULL"
                  + " WHERE \"playlist_song_position\" = ?::bigint");
      assertThat(position.affectedRows()).isEqualTo(4);
      PlanNode scan = scanOf(position.plan());
      assertThat(scan.nodeType()).isEqualTo("Seq Scan");
      assertThat(scan.relationName()).isEqualTo("users_playlist_position");

      // a few hundred rows: lower the rows-read threshold so the small scans count
      FindingThresholds small = new FindingThresholds(0.9, 100, 0.5, 10, 1_000, 10_000, 10, 10);
      List<Finding> findings =
          new FindingDetector(small, RelationNames.fromCatalog(c))
              .detect(plan, drills, "songs_remove", 1);
      assertThat(findings)
          .extracting(Finding::drillDown)
          .contains(
              "song_history_song_id_fkey",
              "playlist_songs_song_id_fkey > users_playlist_position_playlist_song_position_fkey");
      c.rollback();
      c.setAutoCommit(true);
      assertThat(TableChecksums.compute(c)).isEqualTo(before);
    }
  }

  @Test
  void anUpdateOfAKeyGetsAGenericPlanBeforePostgres18() throws SQLException {
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      // a user no playlist position refers to (that key is ON UPDATE NO ACTION)
      c.setAutoCommit(false);
      st.execute(
          "INSERT INTO users (id, password) VALUES (100, 'x');"
              + " INSERT INTO user_moods (user_id, mood, songs_played) VALUES (100, 'SAD', 1);"
              + " INSERT INTO song_history (user_id, song_id) VALUES (100, 1), (100, 2)");
      String sql = "UPDATE users SET id = 1000 + id WHERE id = ?";
      ExplainResult r = explainer.explain(c, sql, List.of(100L), true);
      assertThat(r.succeeded()).as(r.failureSummary()).isTrue();
      List<DrillDown> drills = drill.drillDown(c, sql, List.of(100L), r.plan());
      DrillDown history = named(drills, "song_history_user_id_fkey");
      assertThat(history.action()).isEqualTo(ReferentialAction.UPDATE_CASCADE);
      assertThat(history.derivedSql())
          .isEqualTo(
              "UPDATE ONLY \"public\".\"song_history\" SET \"user_id\" = ?::bigint"
                  + " WHERE \"user_id\" = ?::bigint");
      if (c.getMetaData().getDatabaseMajorVersion() < 18) {
        assertThat(history.plan()).isNotNull();
        assertThat(history.plan().analyzed()).isFalse();
        assertThat(history.note()).contains("PostgreSQL 18");
        assertThat(scanOf(history.plan()).filter()).isEqualTo("(user_id = $2)");
      }
      assertThat(named(drills, "users_playlist_position_user_id_fkey").action())
          .isEqualTo(ReferentialAction.UPDATE_NO_ACTION);
      assertThat(named(drills, "user_moods_user_id_fkey").action())
          .isEqualTo(ReferentialAction.UPDATE_CASCADE);
      c.rollback();
    }
  }

  @Test
  void anInsertDrillsIntoItsForeignKeyChecks() throws SQLException {
    try (Connection c = db.open()) {
      String sql = "INSERT INTO links (song_id, platform_id, song_url) VALUES (?, 2, 'https://x')";
      Plan plan = explainer.explain(c, sql, List.of(12L), true).plan();
      List<DrillDown> drills = drill.drillDown(c, sql, List.of(12L), plan);
      DrillDown song = named(drills, "links_song_id_fkey");
      assertThat(song.action()).isEqualTo(ReferentialAction.INSERT_CHECK);
      assertThat(song.derivedSql())
          .isEqualTo(
              "SELECT 1 FROM ONLY \"public\".\"songs\" x WHERE \"id\" = ?::bigint"
                  + " FOR KEY SHARE OF x");
      assertThat(song.keyValues()).containsExactly(12L);
      assertThat(song.analyzed()).isTrue();
      assertThat(named(drills, "links_platform_id_fkey").keyValues()).containsExactly(2L);
    }
  }

  @Test
  void quotedNamesInAnotherSchemaAndMultiColumnKeys() throws SQLException {
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE SCHEMA \"Shop\";"
              + " CREATE TABLE \"Shop\".\"Order\" (region text, id integer,"
              + "   PRIMARY KEY (region, id));"
              + " CREATE TABLE \"Shop\".\"Order Line\" (line_id serial PRIMARY KEY,"
              + "   \"Region\" text, \"order id\" integer,"
              + "   CONSTRAINT \"Order Line FK\" FOREIGN KEY (\"Region\", \"order id\")"
              + "   REFERENCES \"Shop\".\"Order\" (region, id) ON DELETE CASCADE);"
              + " INSERT INTO \"Shop\".\"Order\" SELECT 'eu', g FROM generate_series(1, 50) g;"
              + " INSERT INTO \"Shop\".\"Order Line\" (\"Region\", \"order id\")"
              + "   SELECT 'eu', 1 + g % 50 FROM generate_series(1, 500) g;"
              + " ANALYZE \"Shop\".\"Order\"; ANALYZE \"Shop\".\"Order Line\"");
      Map<String, TableChecksums.Digest> before = TableChecksums.compute(c);
      String sql = "DELETE FROM \"Shop\".\"Order\" WHERE region = ? AND id = ?";
      Plan plan = explainer.explain(c, sql, List.of("eu", 3), true).plan();
      DrillDown d = named(drill.drillDown(c, sql, List.of("eu", 3), plan), "Order Line FK");
      assertThat(d.referencingTable()).isEqualTo("Shop.Order Line");
      assertThat(d.referencingColumns()).containsExactly("Region", "order id");
      assertThat(d.derivedSql())
          .isEqualTo(
              "DELETE FROM ONLY \"Shop\".\"Order Line\""
                  + " WHERE \"Region\" = ?::text AND \"order id\" = ?::integer");
      assertThat(d.keyValues()).containsExactly("eu", 3);
      assertThat(scanOf(d.plan()).filter())
          .isEqualTo("((\"Region\" = 'eu'::text) AND (\"order id\" = 3))");
      assertThat(scanOf(d.plan()).rowsRemovedByFilter()).isEqualTo(490.0);
      assertThat(TableChecksums.compute(c)).isEqualTo(before);
    }
  }

  @Test
  void captureAttachesTheDrillDownsAndSavesThemAsFiles(@TempDir Path dir) throws SQLException {
    try (Connection c = db.open()) {
      ExplainedStatement s =
          ExplainedStatement.capture(
              c, "DELETE FROM songs WHERE id = ?", List.of(11L), explainer, drill);
      assertThat(s.result().succeeded()).isTrue();
      assertThat(s.drillDowns()).hasSize(3);
      List<Path> files = PlanFiles.save(dir, "1-delete-the-song", s);
      assertThat(files).hasSize(5); // the statement, three cascades, one nested SET NULL
      assertThat(files).allSatisfy(f -> assertThat(PlanFiles.load(f).analyzed()).isTrue());
      assertThat(s.findings(new FindingDetector(), "songs_remove", 1))
          .allSatisfy(f -> assertThat(f.routeId()).isEqualTo("songs_remove"));
      ExplainedStatement failed =
          ExplainedStatement.capture(c, "VACUUM songs", List.of(), explainer, drill);
      assertThat(failed.result().succeeded()).isFalse();
      assertThat(failed.drillDowns()).isEmpty();
    }
  }

  @Test
  void aStatementWithReturningIsSkippedWithAReason() throws SQLException {
    try (Connection c = db.open()) {
      String sql = "DELETE FROM users WHERE id = ? RETURNING id";
      Plan plan = explainer.explain(c, sql, List.of(8L), true).plan();
      List<DrillDown> drills = drill.drillDown(c, sql, List.of(8L), plan);
      assertThat(drills)
          .isNotEmpty()
          .allSatisfy(
              d -> {
                assertThat(d.plan()).isNull();
                assertThat(d.note()).contains("RETURNING");
                assertThat(d.derivedSql()).isNotNull();
              });
    }
  }
}
