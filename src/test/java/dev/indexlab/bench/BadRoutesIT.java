package dev.indexlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.cli.Main;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.workload.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad route is reported with file, line and the server's message; the others are measured. */
class BadRoutesIT {
  static final BenchProfile IN_PROCESS =
      new BenchProfile("in-process", 0, 0, Duration.ZERO, 1, Duration.ofMillis(100));

  @TempDir static Path workloadDir;
  @TempDir Path results;
  static ConnectionSpec db;
  static Workload workload;

  @BeforeAll
  static void workload() throws Exception {
    db = TinySongstackify.create("bad");
    Files.createDirectories(workloadDir.resolve("schema"));
    Files.copy(Path.of("queries/workload.properties"), workloadDir.resolve("workload.properties"));
    Files.copy(Path.of("queries/song_get_library.sql"), workloadDir.resolve("good.sql"));
    write(
        "syntax_error",
        "-- @route GET /broken",
        "-- @param song_id sample: SELECT id FROM songs ORDER BY id",
        "-- @statement read it",
        "SELEC song_name FROM songs WHERE id = :song_id;");
    write(
        "unknown_param",
        "-- @route GET /unknown",
        "-- @param song_id sample: SELECT id FROM songs ORDER BY id",
        "-- @statement read it",
        "SELECT song_name FROM songs WHERE id = :nobody;");
    write(
        "empty_sample",
        "-- @route GET /empty",
        "-- @param song_id sample: SELECT id FROM songs WHERE id < 0",
        "-- @statement read it",
        "SELECT song_name FROM songs WHERE id = :song_id;");
    write(
        "fk_violation",
        "-- @route POST /link",
        "-- @param song_id int: 100000..200000",
        "-- @statement link a song that does not exist",
        "INSERT INTO links (song_id, platform_id, song_url)",
        "VALUES (:song_id, 1, 'https://open.spotify.com/track/x');");
    workload = Workload.open(workloadDir);
  }

  private static void write(String id, String... lines) throws IOException {
    Files.writeString(workloadDir.resolve(id + ".sql"), String.join("\n", lines) + "\n");
  }

  private BenchRunner runner(StringWriter progress) {
    BenchSettings s = new BenchSettings(IN_PROCESS, 1, false, 1, 20, null, "bad", results);
    return new BenchRunner(db, "test", Map.of(), workload, s, new PrintWriter(progress, true));
  }

  @Test
  void everyBadRouteIsReportedWithFileLineAndMessageAndTheGoodOneIsMeasured() {
    StringWriter progress = new StringWriter();
    BenchRunner.Outcome o = runner(progress).run(List.of());
    assertThat(o.exitCode()).isEqualTo(1);
    assertThat(o.results().routes())
        .extracting(BenchResults.RouteResult::id)
        .containsExactly("good");
    assertThat(o.results().failures())
        .extracting(RouteProblem::route, RouteProblem::stage)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("unknown_param", "parse"),
            org.assertj.core.groups.Tuple.tuple("empty_sample", "sample"),
            org.assertj.core.groups.Tuple.tuple("fk_violation", "preflight"),
            org.assertj.core.groups.Tuple.tuple("syntax_error", "preflight"));
    assertThat(message(o, "syntax_error"))
        .contains("syntax_error.sql:4:")
        .contains("syntax error at or near \"SELEC\"")
        .contains("[SQLSTATE 42601]");
    assertThat(message(o, "unknown_param"))
        .contains("unknown_param.sql:4: unknown parameter :nobody");
    assertThat(message(o, "empty_sample"))
        .contains("empty_sample.sql:2: @param song_id: the sampling query returned no row");
    assertThat(message(o, "fk_violation"))
        .contains("fk_violation.sql:4:")
        .contains("violates foreign key constraint \"links_song_id_fkey\"")
        .contains("[SQLSTATE 23503]");
    assertThat(progress.toString()).contains("FAILED fk_violation (preflight)");
  }

  @Test
  void anUnknownRouteNameIsAUsageErrorButTheOthersAreStillMeasured() {
    BenchRunner.Outcome o = runner(new StringWriter()).run(List.of("good", "no_such_route"));
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.results().routes())
        .extracting(BenchResults.RouteResult::id)
        .containsExactly("good");
    assertThat(message(o, "no_such_route"))
        .contains("no_such_route: no such route; known: ")
        .contains("good");
  }

  @Test
  void theCommandLineExitsTwoForOnlyUnknownNamesAndOneForAFailedRoute() {
    String[] common = {
      "bench",
      "--db",
      db.jdbcUrl(),
      "--user",
      db.user(),
      "--workload",
      workloadDir.toString(),
      "--results",
      results.toString(),
      "--forks",
      "0",
      "--warmup-iterations",
      "0",
      "--iterations",
      "1",
      "--iteration-time",
      "0.1",
      "--parameter-sets",
      "20"
    };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = run(common, out, err, "--routes", "nope");
    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("--routes nope: no such route");

    out = new StringWriter();
    err = new StringWriter();
    status = run(common, out, err, "--routes", "good,fk_violation");
    assertThat(status).as(err.toString()).isEqualTo(1);
    assertThat(out.toString())
        .contains("good")
        .contains("mean ms")
        .contains("FAILED fk_violation (preflight)");
    assertThat(results.resolve("baseline/bench.json")).exists();
    assertThat(results.resolve("baseline/jmh.json")).exists();
  }

  private static int run(String[] common, StringWriter out, StringWriter err, String... more) {
    String[] args = new String[common.length + more.length];
    System.arraycopy(common, 0, args, 0, common.length);
    System.arraycopy(more, 0, args, common.length, more.length);
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private static String message(BenchRunner.Outcome o, String route) {
    return o.results().failures().stream()
        .filter(p -> p.route().equals(route))
        .findFirst()
        .orElseThrow()
        .message();
  }
}
