package dev.indexlab.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.schema.TableChecksums;
import dev.indexlab.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteRunnerIT {
  @TempDir Path dir;
  ConnectionSpec db;

  @BeforeEach
  void createData() throws Exception {
    db = TestDatabases.songstackifySchema("runner");
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      st.execute(
          "INSERT INTO platforms (id, platform_name, platform_url) VALUES"
              + " (1, 'Spotify', 'https://open.spotify.com/%'),"
              + " (2, 'Apple', 'https://music.apple.com/%')");
      st.execute(
          "INSERT INTO songs (id, song_name, artist, album)"
              + " SELECT g, 'song ' || g, 'artist', 'album' FROM generate_series(1, 50) g");
      st.execute("SELECT setval(pg_get_serial_sequence('songs', 'id'), 50)");
    }
  }

  private Route route(String name, String text) throws Exception {
    Path file = dir.resolve(name + ".sql");
    Files.writeString(file, text);
    return RouteParser.parse(file);
  }

  /** Kept rows: the sampling query runs once, and later pools are drawn from what it read. */
  @Test
  void keptSampledRowsAreReadOnceAndDrawnTheSameWay() throws Exception {
    Route r =
        route(
            "song_get",
            String.join(
                "\n",
                "-- @route GET /song/{song_id}",
                "-- @param song_id sample: SELECT id FROM songs WHERE id % 2 = 0",
                "-- @statement read the song",
                "SELECT song_name FROM songs WHERE id = :song_id;",
                ""));
    SampledRows kept = SampledRows.forOneRun();
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      List<Map<String, Object>> first = ParameterSampler.pool(c, r, 7, 30, kept);
      assertThat(first).isEqualTo(ParameterSampler.pool(c, r, 7, 30));
      assertThat(first).allSatisfy(set -> assertThat((Long) set.get("song_id") % 2).isZero());
      assertThat(kept.size()).isEqualTo(1);
      // the query is not run again: rows it would now return differently do not matter
      st.execute("DELETE FROM songs WHERE id % 4 = 0");
      assertThat(ParameterSampler.pool(c, r, 7, 30, kept)).isEqualTo(first);
      assertThat(ParameterSampler.pool(c, r, 7, 30)).isNotEqualTo(first);
      assertThat(ParameterSampler.pool(c, r, 7, 30, SampledRows.none())).isNotEqualTo(first);
    }
  }

  @Test
  void chainsReturnedColumnsAndRollsBackByDefault() throws Exception {
    Route r =
        route(
            "song_add",
            String.join(
                "\n",
                "-- @route POST /song/add",
                "-- @param name text: 5..20",
                "-- @param url format: https://open.spotify.com/track/{base62:22}",
                "-- @statement insert the song",
                "-- @returns id",
                "INSERT INTO songs (song_name, artist, album) VALUES (:name, 'a', 'b') RETURNING id;",
                "-- @statement insert its link",
                "INSERT INTO links (song_id, platform_id, song_url)",
                "VALUES (:id, (SELECT id FROM platforms WHERE :url LIKE platform_url), :url);",
                ""));
    try (Connection c = db.open()) {
      var before = TableChecksums.compute(c);
      List<Map<String, Object>> pool = ParameterSampler.pool(c, r, 7, 20);
      assertThat(pool).hasSize(20);
      assertThat(ParameterSampler.pool(c, r, 7, 20)).isEqualTo(pool);
      assertThat(ParameterSampler.pool(c, r, 8, 20)).isNotEqualTo(pool);
      Invocation inv = new RouteRunner(r).run(c, pool.get(0), false, StatementObserver.NONE);
      assertThat(inv.finalScope().get("id")).isEqualTo(51L);
      assertThat(inv.outcomes().get(1).count()).isEqualTo(1);
      assertThat(TableChecksums.compute(c)).isEqualTo(before);

      new RouteRunner(r).run(c, pool.get(1), true, StatementObserver.NONE);
      assertThat(TableChecksums.compute(c).get("public.links").rows()).isEqualTo(1);
    }
  }

  @Test
  void samplingIsCanonicalAndObserverSeesBoundValues() throws Exception {
    Route r =
        route(
            "song_get",
            "-- @route GET /song\n-- @param song_id sample: SELECT id FROM songs\n"
                + "SELECT song_name FROM songs WHERE id = :song_id;\n");
    try (Connection c = db.open()) {
      List<Map<String, Object>> pool = ParameterSampler.pool(c, r, 1, 100);
      assertThat(pool).allSatisfy(p -> assertThat((Long) p.get("song_id")).isBetween(1L, 50L));
      List<Object> seen = new ArrayList<>();
      new RouteRunner(r).run(c, pool.get(3), false, (conn, s, values) -> seen.addAll(values));
      assertThat(seen).containsExactly(pool.get(3).get("song_id"));
    }
  }

  @Test
  void runtimeFailuresNameFileLineAndServerMessage() throws Exception {
    Route r =
        route(
            "bad_link",
            "-- @route POST /bad\n-- @param n int: 1000..2000\n\n"
                + "INSERT INTO links (song_id, platform_id, song_url) VALUES (:n, 1, 'x');\n");
    Route empty =
        route(
            "empty",
            "-- @route GET /empty\n-- @param id sample: SELECT id FROM songs WHERE false\n"
                + "SELECT :id;\n");
    try (Connection c = db.open()) {
      var before = TableChecksums.compute(c);
      Map<String, Object> params = ParameterSampler.pool(c, r, 1, 1).get(0);
      assertThatThrownBy(() -> new RouteRunner(r).run(c, params, true, StatementObserver.NONE))
          .isInstanceOf(RouteFailure.class)
          .hasMessageContaining("bad_link.sql:4: route bad_link, statement 1")
          .hasMessageContaining("violates foreign key constraint \"links_song_id_fkey\"")
          .hasMessageContaining("[SQLSTATE 23503]");
      assertThat(TableChecksums.compute(c)).isEqualTo(before);
      assertThatThrownBy(() -> ParameterSampler.pool(c, empty, 1, 1))
          .isInstanceOf(IndexlabException.class)
          .hasMessageContaining("empty.sql:2: @param id: the sampling query returned no row");
    }
  }
}
