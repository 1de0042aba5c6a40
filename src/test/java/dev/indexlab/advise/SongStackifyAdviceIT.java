package dev.indexlab.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.check.CandidateKind;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.testing.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SongStackifyAdviceIT {
  private static final String ROWS =
      String.join(
          "\n",
          "INSERT INTO platforms (id, platform_name, platform_url) VALUES",
          "  (1, 'Spotify', 'https://open.spotify.com/%'), (2, 'Apple', 'https://music.apple.com/%');",
          "INSERT INTO songs (id, song_name, artist, album)",
          "  SELECT g, 'song ' || g, 'artist ' || (g % 300), 'album' FROM generate_series(1, 2000) g;",
          "INSERT INTO links (song_id, platform_id, song_url)",
          "  SELECT g, 1 + (g % 10 = 0)::int, 'https://open.spotify.com/track/' || g",
          "  FROM generate_series(1, 2000) g;",
          "INSERT INTO users (id, password, platform_id)",
          "  SELECT g, 'hash', 1 FROM generate_series(1, 50) g;",
          "INSERT INTO playlists (id, name) SELECT g, 'list ' || g FROM generate_series(1, 100) g;",
          "INSERT INTO playlist_songs (id, playlist_id, song_id)",
          "  SELECT g, 1 + g % 100, 1 + (g * 37) % 2000 FROM generate_series(1, 3000) g;",
          "INSERT INTO users_playlist_position (user_id, playlist_song_position, playlist_id)",
          "  SELECT 1 + g % 50, g * 30, g FROM generate_series(1, 100) g;",
          "INSERT INTO song_history (user_id, song_id)",
          "  SELECT 1 + (g * 13) % 50, 1 + (g * 7) % 2000 FROM generate_series(1, 6000) g;",
          "INSERT INTO user_moods (user_id, mood, songs_played)",
          "  SELECT g, 'HAPPY', 0 FROM generate_series(1, 50) g;",
          "ANALYZE;");

  @Test
  void proposesAnIndexForEveryUnindexedForeignKeyAndThePlannerUsesTheCascadeOnes()
      throws Exception {
    ConnectionSpec db = TestDatabases.songstackifySchema("advise_songs");
    try (Connection c = db.open()) {
      try (Statement st = c.createStatement()) {
        st.execute(ROWS);
      }
      Catalog catalog = CatalogReader.read(c);
      Advice advice = Advising.advise(catalog);
      List<Candidate> fk =
          advice.candidates().stream()
              .filter(cand -> cand.rules().contains(Rule.UNINDEXED_FOREIGN_KEY))
              .toList();
      assertThat(fk)
          .extracting(cand -> cand.indexes().get(0).describe())
          .containsExactly(
              // ON DELETE CASCADE, largest referencing table first
              "song_history (song_id)",
              "song_history (user_id)",
              "playlist_songs (song_id)",
              "links (song_id)",
              "users_playlist_position (user_id)",
              // ON DELETE SET NULL
              "users_playlist_position (playlist_song_position)",
              // checks only
              "playlist_songs (playlist_id)",
              "links (platform_id)",
              "users_playlist_position (playlist_id)",
              "users (platform_id)");
      assertThat(fk)
          .extracting(Candidate::name)
          .contains(
              "idx_song_history_user_id",
              "idx_song_history_song_id",
              "idx_links_song_id",
              "idx_playlist_songs_song_id");
      // user_moods.user_id is its primary key; the folded unique constraint is never dropped
      assertThat(advice.notes())
          .anySatisfy(n -> assertThat(n.subject()).isEqualTo("user_moods_user_id_fkey"));
      assertThat(advice.candidates()).noneMatch(cand -> cand.kind() == CandidateKind.DROP_INDEX);

      AffectedStatements affected = new AffectedStatements(catalog, WorkloadSample.empty(), 1);
      WhatIfPlanner planner = new WhatIfPlanner(c);
      Candidate userId =
          fk.stream().filter(x -> x.name().equals("idx_song_history_user_id")).findFirst().get();
      List<WhatIfStatement> cascade = affected.forCandidate(c, userId);
      assertThat(cascade)
          .extracting(WhatIfStatement::sql)
          .containsExactly("DELETE FROM ONLY public.song_history WHERE user_id = ?");
      WhatIfResult r = planner.evaluate(userId, cascade);
      assertThat(r.verdict()).isEqualTo(WhatIfVerdict.PLANNER_USES);
      assertThat(r.costAfter()).isLessThan(r.costBefore());

      Candidate position =
          fk.stream()
              .filter(x -> x.name().equals("idx_users_playlist_position_playlist_song_position"))
              .findFirst()
              .get();
      assertThat(affected.forCandidate(c, position))
          .extracting(WhatIfStatement::sql)
          .containsExactly(
              "UPDATE ONLY public.users_playlist_position SET playlist_song_position = NULL"
                  + " WHERE playlist_song_position = ?");
    }
  }
}
