package dev.indexlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.stats.SampleSummary;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteCatalog;
import dev.indexlab.workload.RouteParser;
import dev.indexlab.workload.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.Options;

/** The bench pieces that need no database: profiles, selection, files, histogram, table, export. */
class BenchPiecesTest {
  private static final Path QUERIES = Path.of("queries");

  @TempDir Path dir;

  @Test
  void profilesAreNamedAndUnknownOnesAreUsageErrors() {
    assertThat(BenchProfile.of("Quick")).isEqualTo(BenchProfile.QUICK);
    assertThat(BenchProfile.of("thorough").forks()).isEqualTo(2);
    assertThatThrownBy(() -> BenchProfile.of("fast"))
        .isInstanceOf(IndexlabException.class)
        .hasMessageContaining(Setting.PROFILE + " fast: unknown")
        .extracting(e -> ((IndexlabException) e).status())
        .isEqualTo(2);
  }

  @Test
  void theConnectionFileIsOwnerOnlyEncryptedAndTheJmhOptionsCarryNoPassword() throws Exception {
    ConnectionSpec spec = new ConnectionSpec("jdbc:postgresql://h:5/db", "u", "pa55-word!");
    Path path;
    try (ConnectionFile f = ConnectionFile.write(spec)) {
      path = f.path();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
          .isEqualTo("rw-------");
      assertThat(ConnectionFile.read(path, f.key())).isEqualTo(spec);
      // on disk only ciphertext: neither the password nor the user is readable without the key
      assertThat(new String(Files.readAllBytes(path), java.nio.charset.StandardCharsets.ISO_8859_1))
          .doesNotContain("pa55-word!")
          .doesNotContain("jdbc:postgresql");
      assertThat(path.getFileName().toString())
          .startsWith("indexlab-connection-pid" + ProcessHandle.current().pid() + "-");
      Options o =
          new JmhLauncher(
                  BenchSettings.defaults(),
                  QUERIES,
                  f,
                  System.out,
                  new java.io.PrintWriter(System.err))
              .options("users_delete");
      assertThat(o.getParameter("route").get()).containsExactly("users_delete");
      assertThat(o.getParameter("connectionFile").get())
          .containsExactly(path.toAbsolutePath().toString());
      assertThat(o.getJvmArgs().get()).containsExactly(JmhLauncher.FORK_JVM_ARGS);
      assertThat(o.getParameter("connectionKey").get()).containsExactly(f.key());
      assertThat(o.toString()).doesNotContain("pa55-word!");
      assertThat(o.getForkCount().get()).isEqualTo(1);
    }
    assertThat(path).doesNotExist();
  }

  @Test
  void selectionKeepsParseErrorsAndUnknownIdsAsProblems() throws Exception {
    Files.createDirectories(dir.resolve("schema"));
    Files.copy(QUERIES.resolve("users_delete.sql"), dir.resolve("users_delete.sql"));
    Files.writeString(dir.resolve("broken.sql"), "-- @route X\n-- @statement s\nSELECT :x;\n");
    RouteCatalog catalog = RouteCatalog.load(Workload.open(dir));
    RouteSelection all = RouteSelection.of(catalog, List.of());
    assertThat(all.routes()).extracting(Route::id).containsExactly("users_delete");
    assertThat(all.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.route()).isEqualTo("broken"))
        .satisfies(p -> assertThat(p.message()).contains("broken.sql:3: unknown parameter :x"));
    assertThat(all.hasUnknownIds()).isFalse();
    RouteSelection some = RouteSelection.of(catalog, List.of("nope", "users_delete", "broken"));
    assertThat(some.routes()).extracting(Route::id).containsExactly("users_delete");
    assertThat(some.problems()).extracting(RouteProblem::stage).containsExactly("unknown", "parse");
    assertThat(some.hasUnknownIds()).isTrue();
  }

  @Test
  void jmhSamplesAreExpandedFromValueCountPairs() {
    org.openjdk.jmh.util.MultisetStatistics s = new org.openjdk.jmh.util.MultisetStatistics();
    s.addValue(0.5, 3);
    s.addValue(2.0, 1);
    assertThat(JmhStatistics.samples(s)).containsExactly(0.5, 0.5, 0.5, 2.0);
    SampleSummary summary = SampleSummary.of(JmhStatistics.samples(s));
    assertThat(summary.n()).isEqualTo(4);
    assertThat(summary.histogram().total()).isEqualTo(4);
  }

  @Test
  void tableShowsEveryRouteWithUnitsAndTheFailures() {
    BenchResults.Stats s =
        new BenchResults.Stats(
            "ms", 1.23456, 0.0456, 0.2, 0.9, 1.2, 1.5, 1.7, 2.5, 3.1, 45.678, 812);
    BenchResults r =
        new BenchResults(
            1,
            "dev",
            "baseline",
            "SongStackify",
            "2026-01-01T00:00:00Z",
            3.5,
            new BenchResults.Environment("17.6", "t", "indexlab", Map.of(), "jvm", "1.37"),
            new BenchResults.Settings(
                "quick", 1, 1, 1, 2, 1, 1, "rollback", 42, 1.0, 1000, "JMH SampleTime"),
            List.of(
                new BenchResults.RouteResult(
                    "users_delete",
                    "POST /users/delete/{user_id}",
                    "users_delete.sql",
                    "read committed",
                    1,
                    s,
                    SampleSummary.of(new double[] {1.2}),
                    List.of(),
                    null)),
            List.of(new RouteProblem("bad", "preflight", "bad.sql:3: boom [SQLSTATE 23503]")));
    String table = ResultTable.render(r);
    assertThat(table.lines().findFirst().orElseThrow())
        .contains("route", "mean ms", "± error", "p50 ms", "p90 ms", "p99 ms", "max ms", "samples");
    assertThat(table)
        .contains("users_delete")
        .contains("1.235")
        .contains("0.046")
        .contains("45.68")
        .contains("812")
        .contains("quick")
        .contains("rolled back")
        .contains("scale 1")
        .contains("FAILED bad (preflight): bad.sql:3: boom [SQLSTATE 23503]");
  }

  @Test
  void aRoutesTimingTakesJmhsFiguresAndTheSampleHistogramAsBuckets() {
    double[] samples = {1, 1, 2, 10};
    BenchResults.Stats s =
        new BenchResults.Stats("ms", 3.5, null, 4.3, 1, 1.5, 7, 8, 9.5, 10, 10, 4);
    SampleSummary summary = SampleSummary.of(samples);
    dev.indexlab.results.RunResults.Timing t =
        new BenchResults.RouteResult("r", "r", "r.sql", null, 1, s, summary, List.of(), samples)
            .timing();
    assertThat(t.mean()).isEqualTo(3.5);
    assertThat(t.error()).isNaN();
    assertThat(t.p50()).isEqualTo(1.5);
    assertThat(t.p99()).isEqualTo(9.5);
    assertThat(t.samples()).isEqualTo(4);
    assertThat(t.reusedFrom()).isNull();
    assertThat(t.values()).containsExactly(samples);
    assertThat(t.histogram())
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(summary.histogram().buckets());
    assertThat(t.histogram()).hasSize(3);
    assertThat(
            new BenchResults.RouteResult("r", "r", "r.sql", null, 1, s, null, List.of(), null)
                .timing()
                .histogram())
        .isEmpty();
  }

  @Test
  void resultsRoundTripThroughJson() throws Exception {
    BenchResults.Stats s = new BenchResults.Stats("ms", 1, null, 0, 1, 1, 1, 1, 1, 1, 1, 1);
    BenchResults r =
        new BenchResults(
            1,
            "dev",
            "x",
            "w",
            "now",
            1,
            new BenchResults.Environment("17", "t", "d", Map.of("jit", "off"), "jvm", "1.37"),
            new BenchResults.Settings("quick", 1, 1, 1, 2, 1, 1, "commit", 1, null, 10, "m"),
            List.of(
                new BenchResults.RouteResult(
                    "a",
                    "A",
                    "a.sql",
                    "serializable",
                    2,
                    s,
                    SampleSummary.of(new double[] {1, 2}),
                    List.of("t"),
                    null)),
            List.of());
    Path f = dir.resolve("out/bench.json");
    r.write(f);
    assertThat(BenchResults.read(f)).isEqualTo(r);
  }

  @Test
  void pgbenchScriptSetsEachParameterSetAndRunsTheRouteInATransaction() {
    Route r = RouteParser.parse(QUERIES.resolve("song_play_with_ad.sql"));
    List<Map<String, Object>> pool =
        List.of(
            Map.of("user_id", 1L, "song_id", 10L),
            Map.of("user_id", 2L, "song_id", 20L),
            Map.of("user_id", 3L, "song_id", 30L));
    String script = PgbenchExport.script(r, pool, false, Setting::toString);
    assertThat(script)
        .contains("\n-- written by indexlab bench " + Setting.EXPORT_PGBENCH + " from ")
        .contains("\\set i random(0, 2)\n")
        .contains("\\if :i < 1\n\\set song_id 10\n\\set user_id 1\n\\else\n")
        .contains("\\set song_id 30\n\\set user_id 3\n")
        .contains("BEGIN;\nSELECT l.song_url")
        .contains("WHERE user_id = :user_id \\gset\n")
        .endsWith("LIMIT 1;\nROLLBACK;\n");
    assertThat(script.split("\\\\if", -1)).hasSize(3);
    assertThat(script.split("\\\\endif", -1)).hasSize(3);
    Route library = RouteParser.parse(QUERIES.resolve("song_get_library.sql"));
    assertThat(
            PgbenchExport.script(library, List.of(Map.of("offset", 5L)), false, Setting::toString))
        .contains("\\set offset 5\n\\startpipeline\nBEGIN;\nSELECT id, song_name")
        .endsWith("OFFSET :offset;\n\\endpipeline\nROLLBACK;\n");
    Route link = RouteParser.parse(QUERIES.resolve("song_link_add.sql"));
    assertThatThrownBy(
            () ->
                PgbenchExport.script(
                    link, List.of(Map.of("song_id", 1L, "url", "x")), false, Setting::toString))
        .hasMessageContaining("parameter :url is String");
  }

  @Test
  void writtenTablesAreTheTargetsOfInsertUpdateAndDelete() {
    assertThat(WrittenTables.targets(RouteParser.parse(QUERIES.resolve("playlist_play.sql"))))
        .containsExactly(
            new WrittenTables.Target("users_playlist_position", false),
            new WrittenTables.Target("song_history", false),
            new WrittenTables.Target("user_moods", false));
    assertThat(WrittenTables.targets(RouteParser.parse(QUERIES.resolve("users_delete.sql"))))
        .containsExactly(new WrittenTables.Target("users", true));
    assertThat(WrittenTables.writes(RouteParser.parse(QUERIES.resolve("mood_refresh.sql"))))
        .isFalse();
    assertThat(WrittenTables.writes(RouteParser.parse(QUERIES.resolve("song_search.sql"))))
        .isFalse();
  }
}
