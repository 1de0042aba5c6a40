package dev.indexlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.cli.Main;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.results.RunResults;
import dev.indexlab.seed.Progress;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.seed.SeededDatabase;
import dev.indexlab.testing.FastRuns;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code indexlab run} on a user's database whose role may not create databases: refused in one
 * line naming {@code --in-place} without it (and with {@code --commit}), and with it the bundled
 * SongStackify workload at scale 0.01 is evaluated on the database itself, which is left exactly as
 * it was: indexes, extensions, rows, no candidate history, no copies.
 */
class InPlaceRunIT {
  static final List<String> ROUTES = List.of("users_delete", "playlist_play", "song_search");

  @TempDir Path dir;

  @BeforeAll
  static void jmh() {
    FastRuns.allowConcurrentJmh();
  }

  /** The exit code and both streams of one run of the real command line. */
  record Outcome(int code, String out, String err) {}

  private static Outcome cli(ConnectionSpec db, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--db",
                db.jdbcUrl(),
                "--user",
                db.user(),
                "--password",
                db.password(),
                "--scale",
                "0.01",
                "--force",
                "--quiet"));
    args.addAll(List.of(extra));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void withoutCreatedbTheRunIsRefusedInOneLineNamingInPlaceAndNothingIsWritten() throws Exception {
    ConnectionSpec db = TestDatabases.ownedByRoleWithoutCreatedb("inplace_refused");
    FastRuns.Snapshot before = FastRuns.Snapshot.of(db);

    Outcome refused = cli(db);
    assertThat(refused.code()).as(refused.err()).isEqualTo(2);
    assertThat(refused.err().lines().toList())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("indexlab: indexlab run copies the database for each scenario")
                    .contains("role " + db.user() + " may not create databases")
                    .contains("pass --in-place to apply each candidate to " + db.database()));
    assertThat(refused.err()).doesNotContain(db.password());

    Outcome withCommit = cli(db, "--in-place", "--commit");
    assertThat(withCommit.code()).as(withCommit.err()).isEqualTo(2);
    assertThat(withCommit.err().lines().toList())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .isEqualTo(
                        "indexlab: --in-place cannot be combined with --commit: committed route"
                            + " writes cannot be reverted"));

    assertThat(FastRuns.Snapshot.of(db))
        .as("refused before seeding: --force wrote nothing")
        .isEqualTo(before);
  }

  @Test
  void inPlaceEvaluatesTheCandidatesOnTheDatabaseItselfAndLeavesItAsItWas() throws Exception {
    ConnectionSpec db = TestDatabases.ownedByRoleWithoutCreatedb("inplace_run");
    Workload w = Workload.open(TestDatabases.songstackifyWorkload());
    SeedOptions seed = new SeedOptions(0.01, 42, false);
    StringWriter log = new StringWriter();
    FastRuns.Snapshot before;
    Map<String, String> extensionsBefore;
    RunResults r;
    try (DatabaseTarget target = FastRuns.target(db)) {
      SeededDatabase.seed(target, w, seed.withForce(true), Progress.quiet());
      before = FastRuns.Snapshot.of(db);
      try (Connection c = db.open()) {
        extensionsBefore = DatabaseSnapshot.extensions(c);
      }
      RunPipeline.Settings settings =
          FastRuns.settings(seed, dir.resolve("results"), true, ROUTES).withInPlace(true);
      r = new RunPipeline(target, w, settings, new PrintWriter(log, true), Progress.quiet()).run();
    }
    String why = log.toString();

    assertThat(why)
        .containsOnlyOnce("in place: every candidate is applied to database " + db.database())
        .doesNotContain(db.password());
    List<String> scenarios = r.scenarios().stream().map(RunResults.ScenarioResult::name).toList();
    assertThat(scenarios.get(0)).isEqualTo("baseline");
    assertThat(scenarios.get(scenarios.size() - 1)).isEqualTo("optimized");
    assertThat(r.scenarios()).allSatisfy(s -> assertThat(s.errors()).as(why).isEmpty());
    assertThat(r.candidates())
        .extracting(RunResults.CandidateResult::id)
        .contains("playlist_next_entry", "idx_song_history_user_id");
    assertThat(r.candidates())
        .as("at least one candidate built and measured against the baseline")
        .anySatisfy(
            c -> {
              assertThat(c.build()).isNotNull();
              assertThat(c.build().error()).isNull();
              assertThat(c.deltas()).isNotEmpty();
            });
    assertThat(r.candidates()).allSatisfy(c -> assertThat(c.decision().reason()).isNotBlank());

    FastRuns.Snapshot after = FastRuns.Snapshot.of(db);
    assertThat(after.tables()).isEqualTo(before.tables());
    assertThat(after.indexDefinitions()).isEqualTo(before.indexDefinitions());
    try (Connection c = db.open()) {
      assertThat(DatabaseSnapshot.extensions(c)).isEqualTo(extensionsBefore);
      assertThat(DatabaseSnapshot.historySchemas(c)).isEmpty();
    }
    assertThat(FastRuns.databasesStartingWith(db, db.database() + "_")).isEmpty();
  }
}
