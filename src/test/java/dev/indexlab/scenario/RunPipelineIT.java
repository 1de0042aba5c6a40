package dev.indexlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.Setting;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.report.ReportWriter;
import dev.indexlab.report.RunResultsJson;
import dev.indexlab.results.RunResults;
import dev.indexlab.seed.Progress;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.seed.SeededDatabase;
import dev.indexlab.testing.FastRuns;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the bundled SongStackify workload at scale 0.01 with four routes: baseline,
 * advisor, every candidate on its own copy, the optimized scenario, the reports; and the seeded
 * template left exactly as it was.
 */
class RunPipelineIT {
  static final List<String> ROUTES =
      List.of("users_delete", "song_remove", "playlist_play", "mood_refresh");

  @TempDir Path dir;

  @BeforeAll
  static void jmh() {
    FastRuns.allowConcurrentJmh();
  }

  @Test
  void songstackifyRunsEndToEndOnCopiesAndLeavesTheTemplateAlone() throws Exception {
    ConnectionSpec db = TestDatabases.empty("e2e_song");
    Workload w = Workload.open(TestDatabases.songstackifyWorkload());
    SeedOptions seed = new SeedOptions(0.01, 42, false);
    Path results = dir.resolve("results");
    StringWriter log = new StringWriter();
    RunResults r;
    FastRuns.Snapshot before;
    try (DatabaseTarget target = FastRuns.target(db)) {
      SeededDatabase.seed(target, w, seed.withForce(true), Progress.quiet());
      before = FastRuns.Snapshot.of(db);
      RunPipeline.Settings settings = FastRuns.settings(seed, results, true, ROUTES);
      r = new RunPipeline(target, w, settings, new PrintWriter(log, true), Progress.quiet()).run();
    }

    List<String> scenarios = r.scenarios().stream().map(RunResults.ScenarioResult::name).toList();
    assertThat(scenarios.get(0)).isEqualTo("baseline");
    assertThat(scenarios.get(scenarios.size() - 1)).isEqualTo("optimized");
    assertThat(scenarios.size()).as(log.toString()).isGreaterThan(3);
    RunResults.ScenarioResult baseline = r.scenarios().get(0);
    assertThat(baseline.routes())
        .extracting(RunResults.RouteResult::id)
        .containsExactlyElementsOf(ROUTES);
    assertThat(baseline.errors()).as(log.toString()).isEmpty();
    assertThat(baseline.routes()).allSatisfy(route -> assertThat(route.timing()).isNotNull());

    Map<String, RunResults.CandidateResult> candidates =
        r.candidates().stream()
            .collect(Collectors.toMap(RunResults.CandidateResult::id, Function.identity()));
    assertThat(candidates)
        .containsKeys(
            "playlist_next_entry",
            "song_history_by_user",
            "idx_song_history_user_id_created_at",
            "idx_song_history_song_id");
    // the foreign key's index and mood refresh's "latest plays" index are one candidate
    RunResults.CandidateResult byUser = candidates.get("idx_song_history_user_id_created_at");
    assertThat(byUser.ddl())
        .anySatisfy(
            sql ->
                assertThat(sql)
                    .containsPattern("ON (public\\.)?song_history \\(user_id, created_at DESC\\)"));
    assertThat(String.join("\n", byUser.reasons()))
        .contains("song_history_user_id_fkey")
        .contains("mood_refresh");
    assertThat(candidates.get("idx_song_history_song_id").ddl())
        .anySatisfy(
            sql -> assertThat(sql).containsPattern("ON (public\\.)?song_history \\(song_id\\)"));
    assertThat(byUser.affectedRoutes()).contains("users_delete", "mood_refresh");
    RunResults.CandidateResult rewrite = candidates.get("playlist_next_entry");
    assertThat(rewrite.equivalence()).startsWith("playlist_play: same rows and changes for");
    assertThat(rewrite.decision().reason()).doesNotContain("not equivalent");
    assertThat(rewrite.affectedRoutes()).contains("playlist_play");
    assertThat(r.candidates()).allSatisfy(c -> assertThat(c.decision().reason()).isNotBlank());

    // every candidate measured, used by a plan and rejected on its own got a second look on top of
    // the accepted set (a rewrite does not: its look would run the set's routes), and a plain index
    // the clustered one already builds is left out of the optimized set
    assertThat(r.candidates())
        .filteredOn(c -> c.build() != null && c.build().error() == null && !c.deltas().isEmpty())
        .filteredOn(c -> c.equivalence() == null)
        .filteredOn(c -> c.deltas().stream().anyMatch(RunResults.RouteDelta::usesCandidate))
        .filteredOn(c -> !c.decision().accepted())
        .allSatisfy(
            c ->
                assertThat(c.decision().reason())
                    .containsAnyOf("on top of the accepted set", "left out"));
    assertThat(candidates.get("song_history_by_user").ddl())
        .anySatisfy(sql -> assertThat(sql).contains("CLUSTER song_history USING"));
    if (candidates.get("song_history_by_user").decision().accepted()) {
      assertThat(byUser.decision().accepted()).isFalse();
    }

    RunResults.ScenarioResult optimized = r.scenarios().get(scenarios.size() - 1);
    List<String> accepted =
        r.candidates().stream().filter(c -> c.decision().accepted()).map(c -> c.id()).toList();
    assertThat(optimized.candidates()).containsExactlyInAnyOrderElementsOf(accepted);
    assertThat(optimized.errors()).as(log.toString()).isEmpty();
    assertThat(optimized.routes()).extracting(RunResults.RouteResult::id).hasSameSizeAs(ROUTES);
    // baseline and optimized timed side by side at the end, route by route
    assertThat(r.meta().sideBySide()).isTrue();
    assertThat(optimized.routes()).allSatisfy(route -> assertThat(route.timing()).isNotNull());
    // every route an accepted candidate can affect is timed again at the end
    for (String id : optimized.candidates()) {
      for (String route : candidates.get(id).affectedRoutes()) {
        assertThat(optimized.byId().get(route).timing().reusedFrom()).as(id + " " + route).isNull();
      }
    }
    for (RunResults.RouteResult route : optimized.routes()) {
      // a route the accepted set cannot have changed keeps its start-of-run timing
      boolean timedAgain = route.timing().reusedFrom() == null;
      assertThat(results.resolve("side-by-side.baseline." + route.id()).resolve("bench.json"))
          .matches(p -> Files.isRegularFile(p) == timedAgain, "exists only when timed again");
      assertThat(results.resolve("side-by-side.optimized." + route.id()).resolve("bench.json"))
          .matches(p -> Files.isRegularFile(p) == timedAgain, "exists only when timed again");
    }

    assertThat(FastRuns.Snapshot.of(db)).isEqualTo(before);
    assertThat(FastRuns.databasesStartingWith(db, db.database() + "_")).isEmpty();
    assertThat(results.resolve("candidates")).isDirectory();

    RunResultsJson.write(r, results.resolve(RunResultsJson.FILE_NAME));
    Path reports = dir.resolve("reports");
    List<String> files = new ReportWriter(r, results, Setting::toString).writeTo(reports);
    assertThat(files).contains(ReportWriter.SUMMARY, "routes.md");
    for (RunResults.CandidateResult c : r.candidates()) {
      assertThat(files).contains(c.id() + ".md");
    }
    assertThat(Files.readString(reports.resolve(ReportWriter.SUMMARY)))
        .contains("idx_song_history_user_id_created_at", "playlist_next_entry")
        .contains("measured side by side at the end of the run");
  }
}
