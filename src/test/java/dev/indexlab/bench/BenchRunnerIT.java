package dev.indexlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.schema.TableChecksums;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JMH smoke tests: BenchRunner measures routes in forked JVMs and writes both result files. */
class BenchRunnerIT {
  /** One fork, no warm-up, one short iteration: enough to prove the plumbing. */
  static final BenchProfile SMOKE =
      new BenchProfile("smoke", 1, 0, Duration.ZERO, 1, Duration.ofMillis(300));

  /** A password the embedded server ignores (trust auth) and that must never be written. */
  static final String PASSWORD = "s3cret-Passw0rd-never-written";

  @TempDir Path results;

  static BenchSettings settings(BenchProfile p, boolean commit, Path results) {
    return new BenchSettings(p, 1, commit, 1, 100, null, "smoke", results);
  }

  @Test
  void measuresARouteInAForkAndWritesStatsWithoutThePassword() throws Exception {
    ConnectionSpec seeded = TinySongstackify.create("jmh");
    ConnectionSpec db = new ConnectionSpec(seeded.jdbcUrl(), seeded.user(), PASSWORD);
    Map<String, TableChecksums.Digest> before;
    try (Connection c = db.open()) {
      before = TableChecksums.compute(c);
    }
    StringWriter progress = new StringWriter();
    BenchRunner.Outcome o =
        new BenchRunner(
                db,
                "test server",
                Map.of(),
                Workload.open(Path.of("queries")),
                settings(SMOKE, false, results),
                new PrintWriter(progress, true))
            .run(List.of("song_get_library", "playlist_create"));

    assertThat(o.exitCode()).as(progress.toString()).isZero();
    BenchResults r = BenchResults.read(o.benchJson());
    assertThat(r.routes())
        .extracting(BenchResults.RouteResult::id)
        .containsExactly("song_get_library", "playlist_create");
    BenchResults.Stats s = r.route("song_get_library").orElseThrow().stats();
    assertThat(s.n()).isPositive();
    assertThat(s.mean()).isPositive();
    assertThat(s.p50()).isLessThanOrEqualTo(s.p99());
    assertThat(s.p99()).isLessThanOrEqualTo(s.max());
    assertThat(r.route("song_get_library").orElseThrow().samples().n()).isEqualTo(s.n());
    assertThat(r.route("song_get_library").orElseThrow().samples().histogram().total())
        .isEqualTo(s.n());
    assertThat(r.settings().profile()).isEqualTo("smoke");
    assertThat(r.settings().transactions()).isEqualTo("rollback");
    assertThat(r.environment().postgresVersion()).startsWith(TestDatabases.version().major() + ".");
    assertThat(r.route("playlist_create").orElseThrow().vacuumed())
        .containsExactly("\"public\".\"playlists\"");
    assertThat(progress.toString()).contains("vacuumed \"public\".\"playlists\"");

    JsonNode jmh = new ObjectMapper().readTree(o.jmhJson().toFile());
    assertThat(jmh).hasSize(2);
    assertThat(jmh.get(0).get("mode").asText()).isEqualTo("sample");
    assertThat(jmh.get(0).get("forks").asInt()).isEqualTo(1);
    assertThat(jmh.get(0).get("params").get("route").asText()).isEqualTo("song_get_library");
    for (Path f : List.of(o.benchJson(), o.jmhJson(), o.jmhJson().resolveSibling("jmh.log"))) {
      assertThat(Files.readString(f)).as(f.toString()).doesNotContain(PASSWORD);
    }
    String connectionFile = jmh.get(0).get("params").get("connectionFile").asText();
    assertThat(Path.of(connectionFile)).doesNotExist();
    try (Connection c = db.open()) {
      assertThat(TableChecksums.compute(c)).isEqualTo(before);
    }
  }

  @Test
  void commitModeChangesTheData() throws Exception {
    ConnectionSpec db = TinySongstackify.create("jmhcommit");
    BenchProfile inProcess =
        new BenchProfile("in-process", 0, 0, Duration.ZERO, 1, Duration.ofMillis(100));
    BenchRunner.Outcome o =
        new BenchRunner(
                db,
                "test server",
                Map.of(),
                Workload.open(Path.of("queries")),
                settings(inProcess, true, results),
                new PrintWriter(new StringWriter(), true))
            .run(List.of("ad_create"));
    assertThat(o.exitCode()).isZero();
    assertThat(o.results().settings().transactions()).isEqualTo("commit");
    long n = o.results().route("ad_create").orElseThrow().stats().n();
    try (Connection c = db.open()) {
      // 9 campaigns in the tiny data, one more per committed invocation (pre-flight rolls back)
      assertThat(TableChecksums.compute(c).get("public.ad_campaigns").rows())
          .isGreaterThanOrEqualTo(9 + n);
    }
  }
}
