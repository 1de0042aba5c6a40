package dev.indexlab.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseAdmin;
import dev.indexlab.db.JdbcUrlTarget;
import dev.indexlab.schema.TableChecksums;
import dev.indexlab.songstackify.SeedPlan;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedLoadIT {
  private static final Workload SONGSTACKIFY = Workload.open(TestDatabases.songstackifyWorkload());

  private static JdbcUrlTarget target(ConnectionSpec db) {
    return JdbcUrlTarget.connect(db.jdbcUrl(), db.user(), db.password());
  }

  /** Seeds a new database on the shared server at {@code scale} with {@code seed}. */
  private static SeedResult seeded(String prefix, double scale, long seed) throws SQLException {
    return SeededDatabase.seed(
        target(TestDatabases.empty(prefix)),
        SONGSTACKIFY,
        new SeedOptions(scale, seed, true),
        Progress.quiet());
  }

  private static long scalar(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private static final String SCHEMA_OBJECTS =
      "SELECT conrelid::regclass || ' ' || conname || ' ' || convalidated || ' '"
          + " || pg_get_constraintdef(oid) FROM pg_constraint"
          + " WHERE connamespace = 'public'::regnamespace"
          + " AND conrelid::regclass::text NOT LIKE 'indexlab%'"
          + " UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'"
          + " AND tablename NOT LIKE 'flyway%' AND tablename NOT LIKE 'indexlab%' ORDER BY 1";

  @Test
  void loadsTheCountRulesAndRestoresEveryKeyIndexSequenceAndStatistic() throws Exception {
    SeedPlan plan = SeedPlan.forScale(0.01);
    SeedResult result = seeded("seed_counts", 0.01, 42);
    assertThat(result.reused()).isFalse();
    assertThat(result.load().orElseThrow().rows()).isEqualTo(plan.counts());
    ConnectionSpec reference = TestDatabases.songstackifySchema("seed_reference");
    try (Connection c = result.connection().open();
        Connection ref = reference.open()) {
      for (Map.Entry<String, Long> e : plan.counts().entrySet()) {
        assertThat(scalar(c, "SELECT count(*) FROM " + e.getKey()))
            .as(e.getKey())
            .isEqualTo(e.getValue());
      }
      assertThat(rows(c, SCHEMA_OBJECTS))
          .isEqualTo(rows(ref, SCHEMA_OBJECTS))
          .hasSizeGreaterThan(20);
      assertThat(
              scalar(
                  c,
                  "SELECT count(DISTINCT starelid) FROM pg_statistic s JOIN pg_class r ON r.oid ="
                      + " s.starelid WHERE r.relnamespace = 'public'::regnamespace"
                      + " AND r.relname <> ALL (?)",
                  c.createArrayOf(
                      "text", new String[] {"flyway_schema_history", "indexlab_seed_info"})))
          .as("tables analyzed")
          .isEqualTo(10);
      assertThat(scalar(c, "INSERT INTO playlists (name) VALUES ('new') RETURNING id"))
          .isEqualTo(plan.playlists() + 1);
      assertThat(
              scalar(c, "INSERT INTO song_history (user_id, song_id) VALUES (1, 1) RETURNING id"))
          .isEqualTo(plan.songHistory() + 1);
      SeedInfo info = SeedInfo.read(c).orElseThrow();
      assertThat(info.scale()).isEqualTo(0.01);
      assertThat(info.seed()).isEqualTo(42);
      assertThat(info.workload()).isEqualTo("SongStackify");
      assertThat(info.rowCounts()).isEqualTo(plan.counts());
    }
  }

  @Test
  void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() throws Exception {
    Map<String, TableChecksums.Digest> first;
    Map<String, TableChecksums.Digest> again;
    Map<String, TableChecksums.Digest> other;
    try (Connection c = seeded("seed_same_a", 0.01, 5).connection().open()) {
      first = TableChecksums.compute(c);
    }
    try (Connection c = seeded("seed_same_b", 0.01, 5).connection().open()) {
      again = TableChecksums.compute(c);
    }
    try (Connection c = seeded("seed_other", 0.01, 6).connection().open()) {
      other = TableChecksums.compute(c);
    }
    assertThat(first).hasSize(10).isEqualTo(again);
    for (String table : first.keySet()) {
      if (!table.equals("public.platforms")) {
        assertThat(other.get(table).sum()).as(table).isNotEqualTo(first.get(table).sum());
      }
    }
  }

  @Test
  void foreignKeysKeepTheirActions() throws Exception {
    SeedResult result = seeded("seed_fk", 0.01, 42);
    try (Connection c = result.connection().open()) {
      long user =
          scalar(c, "SELECT user_id FROM song_history GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
      assertThat(scalar(c, "SELECT count(*) FROM song_history WHERE user_id = ?", user))
          .isPositive();
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE id = ?")) {
        ps.setLong(1, user);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      assertThat(scalar(c, "SELECT count(*) FROM song_history WHERE user_id = ?", user)).isZero();
      assertThat(scalar(c, "SELECT count(*) FROM user_moods WHERE user_id = ?", user)).isZero();
      assertThat(scalar(c, "SELECT count(*) FROM users_playlist_position WHERE user_id = ?", user))
          .isZero();

      long position =
          scalar(
              c, "SELECT playlist_song_position FROM users_playlist_position ORDER BY id LIMIT 1");
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM playlist_songs WHERE id = ?")) {
        ps.setLong(1, position);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      assertThat(
              scalar(
                  c,
                  "SELECT count(*) FROM users_playlist_position"
                      + " WHERE playlist_song_position IS NULL"))
          .isEqualTo(1);

      long song = scalar(c, "SELECT song_id FROM links GROUP BY 1 HAVING count(*) = 2 LIMIT 1");
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM songs WHERE id = ?")) {
        ps.setLong(1, song);
        ps.executeUpdate();
      }
      assertThat(scalar(c, "SELECT count(*) FROM links WHERE song_id = ?", song)).isZero();
      assertThat(scalar(c, "SELECT count(*) FROM playlist_songs WHERE song_id = ?", song)).isZero();
      assertThat(scalar(c, "SELECT count(*) FROM song_history WHERE song_id = ?", song)).isZero();
    }
  }

  @Test
  void theDataHasTheDescribedShape() throws Exception {
    SeedPlan plan = SeedPlan.forScale(0.05);
    SeedResult result = seeded("seed_shape", 0.05, 42);
    try (Connection c = result.connection().open()) {
      assertThat(
              scalar(
                  c,
                  "SELECT count(*) FROM (SELECT song_id FROM links GROUP BY 1"
                      + " HAVING count(*) = 2) s"))
          .isEqualTo(plan.links() - plan.songs());
      long appleOnly =
          scalar(
              c,
              "SELECT count(*) FROM (SELECT song_id FROM links GROUP BY 1"
                  + " HAVING count(*) = 1 AND min(platform_id) = 2) s");
      assertThat((double) appleOnly / plan.songs()).isBetween(0.07, 0.13);
      assertThat(scalar(c, "SELECT count(DISTINCT song_id) FROM playlist_songs"))
          .isEqualTo(plan.songs());
      // one position row per playlist, owned by one user, pointing inside its playlist
      assertThat(
              scalar(
                  c,
                  "SELECT count(*) FROM playlists p JOIN users_playlist_position u"
                      + " ON u.playlist_id = p.id JOIN playlist_songs s"
                      + " ON s.id = u.playlist_song_position AND s.playlist_id = p.id"))
          .isEqualTo(plan.playlists());
      assertThat(scalar(c, "SELECT count(DISTINCT playlist_id) FROM users_playlist_position"))
          .isEqualTo(plan.playlists());
      assertThat(scalar(c, "SELECT count(DISTINCT user_id) FROM users_playlist_position"))
          .isEqualTo(plan.users());
      assertThat(
              scalar(
                  c,
                  "SELECT count(*) FROM user_moods m WHERE songs_played <>"
                      + " (SELECT count(*) FROM song_history h WHERE h.user_id = m.user_id)"))
          .isZero();
      // a user's plays are scattered over the table, not clustered
      assertThat(
              scalar(
                  c,
                  "SELECT max(id) - min(id) FROM song_history WHERE user_id ="
                      + " (SELECT user_id FROM song_history GROUP BY 1 ORDER BY count(*) LIMIT 1)"))
          .isGreaterThan(plan.songHistory() / 2);
      assertThat(scalar(c, "SELECT count(*) FROM users WHERE length(password) = 97"))
          .isEqualTo(plan.users());
      assertThat(rows(c, "SELECT DISTINCT target_mood FROM ad_campaigns ORDER BY 1"))
          .containsExactly("ANGRY", "HAPPY", "SAD");
    }
  }

  @Test
  void refusesExistingRowsWithoutForceAndReusesThemWhenPreparing() throws Exception {
    ConnectionSpec db = TestDatabases.empty("seed_refuse");
    JdbcUrlTarget target = target(db);
    SeedOptions options = new SeedOptions(0.01, 42, false);
    assertThatThrownBy(() -> SeededDatabase.seed(target, SONGSTACKIFY, options, Progress.quiet()))
        .isInstanceOf(IndexlabException.class)
        .hasMessageContaining(Setting.FORCE.toString())
        .satisfies(e -> assertThat(((IndexlabException) e).status()).isEqualTo(2));
    try (Connection c = db.open()) {
      assertThat(scalar(c, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isZero();
    }
    SeedResult first =
        SeededDatabase.seed(target, SONGSTACKIFY, options.withForce(true), Progress.quiet());
    Map<String, TableChecksums.Digest> before;
    try (Connection c = db.open()) {
      before = TableChecksums.compute(c);
    }
    assertThatThrownBy(() -> SeededDatabase.seed(target, SONGSTACKIFY, options, Progress.quiet()))
        .isInstanceOf(IndexlabException.class)
        .hasMessageContaining("already holds rows")
        .hasMessageContaining(Setting.FORCE.toString());
    SeedResult reused =
        SeededDatabase.open(target, SONGSTACKIFY, options.withSeed(7), Progress.quiet());
    assertThat(reused.reused()).isTrue();
    assertThat(reused.note()).contains("reusing");
    assertThat(reused.info()).isEqualTo(first.info());
    SeedResult again =
        SeededDatabase.seed(target, SONGSTACKIFY, options.withForce(true), Progress.quiet());
    assertThat(again.reused()).isFalse();
    try (Connection c = db.open()) {
      assertThat(TableChecksums.compute(c)).isEqualTo(before);
    }
  }

  @Test
  void aFailedSeedOnAnOwnedServerLeavesNoDatabaseBehind(@TempDir Path dir) throws Exception {
    Path schema = Files.createDirectories(dir.resolve("schema"));
    String v1 =
        Files.readString(
            TestDatabases.songstackifyWorkload().resolve("schema/V1__songstackify_schema.sql"));
    // the generator writes a bigint into platform_id; a text column makes COPY reject the rows
    Files.writeString(
        schema.resolve("V1__broken.sql"),
        v1.replace(
            "platform_id bigint NOT NULL REFERENCES platforms (id),",
            "platform_id text NOT NULL,"));
    Files.writeString(dir.resolve("workload.properties"), "name=Broken\ngenerator=songstackify\n");
    DatabaseAdmin admin = new DatabaseAdmin(TestDatabases.server().connection());
    assertThatThrownBy(
            () ->
                SeededDatabase.run(
                    TestDatabases.server(),
                    Workload.open(dir),
                    new SeedOptions(0.01, 42, false),
                    Progress.quiet(),
                    true,
                    "seed_broken"))
        .isInstanceOf(IndexlabException.class)
        .hasMessageContaining("seeding seed_broken failed")
        .satisfies(e -> assertThat(((IndexlabException) e).status()).isEqualTo(1));
    assertThat(admin.exists("seed_broken")).isFalse();
  }

  @Test
  void unknownGeneratorsAreUsageErrors(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("schema"));
    Files.writeString(dir.resolve("workload.properties"), "name=X\ngenerator=nosuch\n");
    assertThatThrownBy(
            () ->
                SeededDatabase.prepare(
                    TestDatabases.server(),
                    Workload.open(dir),
                    SeedOptions.defaults(),
                    Progress.quiet()))
        .isInstanceOf(IndexlabException.class)
        .hasMessageContaining("unknown generator 'nosuch'")
        .satisfies(e -> assertThat(((IndexlabException) e).status()).isEqualTo(2));
  }
}
