package dev.indexlab.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.JdbcUrlTarget;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.Workload;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one full-size test: scale 1 holds exactly the write-up's counts. */
class SeedScaleOneIT {
  @Test
  void scaleOneHoldsExactlyTheWriteUpsRows() throws Exception {
    ConnectionSpec db = TestDatabases.empty("seed_scale_one");
    SeedResult result =
        SeededDatabase.seed(
            JdbcUrlTarget.connect(db.jdbcUrl(), db.user(), db.password()),
            Workload.open(TestDatabases.songstackifyWorkload()),
            new SeedOptions(1, 42, true),
            Progress.quiet());
    Map<String, Long> counted = new LinkedHashMap<>();
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      for (String table : result.load().orElseThrow().rows().keySet()) {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
          rs.next();
          counted.put(table, rs.getLong(1));
        }
      }
    }
    assertThat(counted)
        .containsEntry("playlists", 3_000L)
        .containsEntry("users", 911L)
        .containsEntry("songs", 77_803L)
        .containsEntry("playlist_songs", 202_899L)
        .containsEntry("users_playlist_position", 3_000L)
        .containsEntry("song_history", 919_039L)
        .containsEntry("links", 85_515L)
        .containsEntry("platforms", 2L)
        .containsEntry("ad_campaigns", 100L)
        .containsEntry("user_moods", 911L);
    long total = counted.values().stream().mapToLong(Long::longValue).sum();
    assertThat(total - counted.get("user_moods")).isEqualTo(1_292_269L);
  }
}
