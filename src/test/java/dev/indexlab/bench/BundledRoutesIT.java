package dev.indexlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.schema.TableChecksums;
import dev.indexlab.workload.Invocation;
import dev.indexlab.workload.ParameterSampler;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteCatalog;
import dev.indexlab.workload.RouteRunner;
import dev.indexlab.workload.StatementObserver;
import dev.indexlab.workload.Workload;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every bundled route runs against a tiny SongStackify database; rolled back, nothing changes. */
class BundledRoutesIT {
  static ConnectionSpec db;
  static RouteCatalog catalog;

  @BeforeAll
  static void seed() throws Exception {
    db = TinySongstackify.create("bundled");
    catalog = RouteCatalog.load(Workload.open(Path.of("queries")));
  }

  @Test
  void everyRouteRunsOnceRolledBackAndLeavesEveryTableUnchanged() throws Exception {
    assertThat(catalog.routes()).hasSize(16);
    try (Connection c = db.open()) {
      var before = TableChecksums.compute(c);
      for (Route r : catalog.routes()) {
        List<Map<String, Object>> pool = ParameterSampler.pool(c, r, 1, 50);
        for (int i = 0; i < 3; i++) {
          Invocation inv = new RouteRunner(r).run(c, pool.get(i), false, StatementObserver.NONE);
          assertThat(inv.outcomes()).as(r.id()).hasSize(r.statements().size());
        }
      }
      assertThat(TableChecksums.compute(c)).isEqualTo(before);
    }
  }

  @Test
  void samplingIsDeterministicPerSeed() throws Exception {
    try (Connection c = db.open()) {
      for (Route r : catalog.routes()) {
        var pool = ParameterSampler.pool(c, r, 42, 30);
        assertThat(ParameterSampler.pool(c, r, 42, 30)).as(r.id()).isEqualTo(pool);
      }
      Route play = catalog.find("song_play").orElseThrow();
      assertThat(ParameterSampler.pool(c, play, 43, 30))
          .isNotEqualTo(ParameterSampler.pool(c, play, 42, 30));
    }
  }

  @Test
  void playlistPlayMovesTheUserToTheNextEntryAndPlaysTheCurrentSong() throws Exception {
    Route r = catalog.find("playlist_play").orElseThrow();
    try (Connection c = db.open()) {
      Map<String, Object> params = ParameterSampler.pool(c, r, 1, 1).get(0);
      long playlist = (Long) params.get("playlist_id");
      Invocation inv = new RouteRunner(r).run(c, params, false, StatementObserver.NONE);
      // the tiny data puts each user at the playlist's 2nd entry: ids (p - 1) * 5 + k
      assertThat(inv.finalScope())
          .containsEntry("playlist_song_position", (playlist - 1) * 5 + 2)
          .containsEntry("next_position", (playlist - 1) * 5 + 3);
      assertThat(inv.outcomes().get(3).count()).isEqualTo(1);
      assertThat(inv.outcomes().get(5).count()).isEqualTo(1);
    }
  }

  @Test
  void songAddLinksTheNewSongAndCommitModeKeepsIt() throws Exception {
    ConnectionSpec own = TinySongstackify.create("commit");
    Route r = catalog.find("song_add").orElseThrow();
    try (Connection c = own.open()) {
      Map<String, Object> params = ParameterSampler.pool(c, r, 1, 1).get(0);
      Invocation inv = new RouteRunner(r).run(c, params, true, StatementObserver.NONE);
      long songId = (Long) inv.finalScope().get("song_id");
      assertThat(songId).isEqualTo(41L);
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT l.song_id, p.platform_name, l.song_url FROM links l"
                      + " JOIN platforms p ON p.id = l.platform_id WHERE l.song_id = 41")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(2)).isEqualTo("Spotify");
        assertThat(rs.getString(3)).isEqualTo(params.get("url"));
      }
    }
  }

  @Test
  void writtenTablesFollowDeleteActionsThroughTheForeignKeys() throws Exception {
    try (Connection c = db.open()) {
      assertThat(WrittenTables.of(c, catalog.find("users_delete").orElseThrow()))
          .containsExactlyInAnyOrder(
              "\"public\".\"users\"",
              "\"public\".\"song_history\"",
              "\"public\".\"users_playlist_position\"",
              "\"public\".\"user_moods\"");
      List<String> remove = WrittenTables.of(c, catalog.find("song_remove").orElseThrow());
      assertThat(remove)
          .containsExactlyInAnyOrder(
              "\"public\".\"songs\"",
              "\"public\".\"links\"",
              "\"public\".\"playlist_songs\"",
              "\"public\".\"song_history\"",
              "\"public\".\"users_playlist_position\"");
      // rows are deleted from songs and, by ON DELETE CASCADE, from its three children; the
      // playlist positions are only updated (SET NULL), and inserts delete nothing
      assertThat(WrittenTables.deletedFrom(c, catalog.find("song_remove").orElseThrow()))
          .containsExactlyInAnyOrder(
              "public.songs", "public.links", "public.playlist_songs", "public.song_history");
      assertThat(WrittenTables.deletedFrom(c, catalog.find("song_play").orElseThrow())).isEmpty();
      WrittenTables.vacuum(c, remove);
      assertThat(WrittenTables.of(c, catalog.find("mood_refresh").orElseThrow())).isEmpty();
    }
  }
}
