package dev.indexlab.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaIT {
  @Test
  void v1CreatesTheTenTablesWithOnlyPrimaryKeysAndOneUniqueIndex() throws Exception {
    ConnectionSpec spec = TestDatabases.songstackifySchema("schema");
    try (Connection c = spec.open();
        Statement st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                  + " AND tablename NOT LIKE 'flyway%' ORDER BY 1")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertThat(tables)
          .containsExactly(
              "ad_campaigns",
              "links",
              "platforms",
              "playlist_songs",
              "playlists",
              "song_history",
              "songs",
              "user_moods",
              "users",
              "users_playlist_position");
      List<String> indexes = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"
                  + " AND tablename NOT LIKE 'flyway%' ORDER BY 1")) {
        while (rs.next()) {
          indexes.add(rs.getString(1));
        }
      }
      // PostgreSQL folds the UNIQUE constraint that repeats user_moods' primary key into one index
      assertThat(indexes).hasSize(10).contains("user_moods_user_id_key", "songs_pkey");
      try (ResultSet rs =
          st.executeQuery(
              "SELECT confdeltype, confupdtype FROM pg_constraint"
                  + " WHERE conname = 'song_history_user_id_fkey'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("c");
        assertThat(rs.getString(2)).isEqualTo("c");
      }
      try (ResultSet rs =
          st.executeQuery(
              "SELECT confdeltype, confupdtype FROM pg_constraint"
                  + " WHERE conname = 'users_playlist_position_playlist_song_position_fkey'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("n");
        assertThat(rs.getString(2)).isEqualTo("r");
      }
      assertThat(TableChecksums.compute(c))
          .hasSize(10)
          .allSatisfy((k, v) -> assertThat(v.rows()).isZero());
    }
  }
}
