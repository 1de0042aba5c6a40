package dev.indexlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.schema.TableChecksums;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.ParameterSampler;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EquivalenceCheckerIT {
  @TempDir Path dir;
  ConnectionSpec db;

  private static final String HEADER =
      "-- @route GET /playlist/{playlist_id}/play\n"
          + "-- @param user_id, playlist_id sample: SELECT user_id, playlist_id"
          + " FROM users_playlist_position\n";

  private static final String MOVE =
      "-- @statement move\n"
          + "UPDATE users_playlist_position SET playlist_song_position = :next_id"
          + " WHERE user_id = :user_id AND playlist_id = :playlist_id;\n";

  @BeforeEach
  void data() throws Exception {
    db = TestDatabases.songstackifySchema("equiv");
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      st.execute("INSERT INTO platforms VALUES (1, 'Spotify', 'https://open.spotify.com/%')");
      st.execute("INSERT INTO users (id, password) SELECT g, 'x' FROM generate_series(1, 5) g");
      st.execute("INSERT INTO playlists (id) SELECT g FROM generate_series(1, 5) g");
      st.execute(
          "INSERT INTO songs (id, song_name, artist, album)"
              + " SELECT g, 's' || g, 'a', 'b' FROM generate_series(1, 40) g");
      st.execute(
          "INSERT INTO playlist_songs (id, playlist_id, song_id)"
              + " SELECT g, 1 + g % 5, 1 + (g * 7) % 40 FROM generate_series(1, 100) g");
      st.execute(
          "INSERT INTO users_playlist_position (user_id, playlist_song_position, playlist_id)"
              + " SELECT p, p + 10, 1 + (p + 10) % 5 FROM generate_series(1, 5) p");
    }
  }

  private Route route(String name, String nextQuery) throws Exception {
    Path file = dir.resolve(name + ".sql");
    Files.writeString(
        file, HEADER + "-- @statement next\n-- @returns next_id\n" + nextQuery + ";\n" + MOVE);
    return RouteParser.parse(file);
  }

  @Test
  void acceptsAnEquivalentRewriteAndRejectsAWrongOneWithTheDifference() throws Exception {
    Route original =
        route(
            "original",
            "WITH nxt AS (SELECT id, LEAD(id) OVER (PARTITION BY playlist_id ORDER BY id) AS next"
                + " FROM playlist_songs)"
                + " SELECT n.next AS next_id FROM nxt n JOIN users_playlist_position u"
                + " ON u.playlist_song_position = n.id"
                + " WHERE u.user_id = :user_id AND u.playlist_id = :playlist_id");
    Route rewrite =
        route(
            "rewrite",
            "SELECT (SELECT p.id FROM playlist_songs p WHERE p.playlist_id = u.playlist_id"
                + " AND p.id > u.playlist_song_position ORDER BY p.id LIMIT 1) AS next_id"
                + " FROM users_playlist_position u"
                + " WHERE u.user_id = :user_id AND u.playlist_id = :playlist_id");
    Route wrong =
        route(
            "wrong",
            "SELECT (SELECT p.id FROM playlist_songs p WHERE p.playlist_id = u.playlist_id"
                + " AND p.id >= u.playlist_song_position ORDER BY p.id LIMIT 1) AS next_id"
                + " FROM users_playlist_position u"
                + " WHERE u.user_id = :user_id AND u.playlist_id = :playlist_id");
    try (Connection c = db.open()) {
      var before = TableChecksums.compute(c);
      List<Map<String, Object>> params = ParameterSampler.pool(c, original, 3, 10);
      EquivalenceChecker.Result ok = EquivalenceChecker.check(c, original, rewrite, params);
      assertThat(ok.equivalent()).as(String.valueOf(ok.firstDifference())).isTrue();
      assertThat(ok.parameterSetsChecked()).isEqualTo(10);

      EquivalenceChecker.Result bad = EquivalenceChecker.check(c, original, wrong, params);
      assertThat(bad.equivalent()).isFalse();
      assertThat(bad.parameterSetsChecked()).isEqualTo(1);
      assertThat(bad.firstDifference()).contains("statement 1 returned");
      assertThat(TableChecksums.compute(c)).isEqualTo(before);
    }
  }
}
