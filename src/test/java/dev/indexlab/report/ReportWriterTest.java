package dev.indexlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.Setting;
import dev.indexlab.results.RunResults;
import dev.indexlab.results.RunResults.CandidateResult;
import dev.indexlab.results.RunResults.Decision;
import dev.indexlab.results.RunResults.RouteDelta;
import dev.indexlab.results.RunResults.RouteResult;
import dev.indexlab.results.RunResults.ScenarioResult;
import dev.indexlab.results.RunResults.StatementCapture;
import dev.indexlab.results.RunResults.Timing;
import dev.indexlab.text.ReportFormat;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ReportWriterTest {
  @TempDir Path temp;

  private RunResults results;
  private Path resultsDir;
  private Path out;
  private List<String> written;

  @BeforeEach
  void writeReport() throws IOException {
    results = RunResultsFixture.results();
    resultsDir = temp.resolve("results");
    RunResultsJson.write(results, resultsDir.resolve(RunResultsJson.FILE_NAME));
    RunResultsFixture.writePlanFiles(results, resultsDir);
    out = temp.resolve("reports");
    written = new ReportWriter(results, resultsDir, Setting::toString).writeTo(out);
    String dump = System.getProperty("indexlab.report.dump");
    if (dump != null) {
      new ReportWriter(results, resultsDir, Setting::toString).writeTo(Path.of(dump));
    }
  }

  private String read(String file) throws IOException {
    return Files.readString(out.resolve(file), StandardCharsets.UTF_8);
  }

  @Test
  void writesTheLayout() {
    assertThat(written)
        .contains(
            "README.md",
            "routes.md",
            "song_history_user_id.md",
            "playlist_play_next_entry.md",
            "songs_name_trgm.md",
            "charts/route-times.svg",
            "charts/latency-distribution.svg",
            "results.json",
            "plans/baseline/users_delete/2.json",
            "plans/song_history_user_id/users_delete/2.json");
    assertThat(written).isSorted();
    for (String f : written) {
      assertThat(out.resolve(f)).isRegularFile();
    }
  }

  @Test
  void summaryHasTheHeadingsAndTheReproducibilityHeader() throws IOException {
    String md = read("README.md");
    assertThat(md)
        .startsWith("# SongStackify: route times before and after indexlab\n")
        .contains(
            "## The slow routes, one by one",
            "## What to ship",
            "## What indexes cannot fix",
            "## How this was measured",
            "## Route times",
            "## Candidates",
            "### Accepted (2)",
            "### Rejected (1)",
            "## Files")
        .doesNotContain("## Write-ups")
        .contains("on PostgreSQL 17.6 on x86_64")
        .doesNotContain("PostgreSQL PostgreSQL")
        .contains("| Date ", "2026-11-28T10:15:00Z", "PostgreSQL 17.6", "| `work_mem` ", "`4MB`")
        .contains("scale 1, seed 42", "quick, 1 thread", "rolled back after every call")
        .contains("2 cores, 8.0 GB memory")
        .contains("| `jdbc:postgresql://db.example:5432/songs?user=bench&password=****` ")
        .doesNotContain("hunter2")
        .doesNotContain("<DATA>");
  }

  @Test
  void routeTableHasEveryRouteInTheWriteupOrderWithEveryCellFilled() throws IOException {
    List<String[]> rows = tableRows(read("README.md"), "| Route ");
    List<String> names = new ArrayList<>();
    for (String[] row : rows) {
      names.add(row[0]);
    }
    assertThat(names)
        .containsExactly(
            "POST /users/create",
            "POST /users/platform",
            "POST /users/delete/{user_id}",
            "",
            "GET /song/get_library/",
            "POST /song/add",
            "POST /song/link/add",
            "POST /song/{song_id}/remove",
            "GET /song/{song_id}/play (No Ad)",
            "GET /song/{song_id}/play (With Ad)",
            "",
            "POST /playlist/create",
            "POST /playlist/{playlist_id}/songs/add",
            "GET /playlist/{playlist_id}/play (No Ad)",
            "GET /playlist/{playlist_id}/play (With Ad)",
            "",
            "POST /ad/create",
            "",
            "mood refresh (background job)",
            "GET /song/search/{query}");
    for (String[] row : rows) {
      if (row[0].isEmpty()) {
        assertThat(String.join("", row)).isBlank();
        continue;
      }
      assertThat(row).hasSize(8);
      for (String cell : row) {
        assertThat(cell).as("a cell of " + row[0]).isNotBlank();
      }
    }
  }

  @Test
  void routeTableNumbersMatchTheResults() throws IOException {
    Map<String, String[]> byName = new TreeMap<>();
    for (String[] row : tableRows(read("README.md"), "| Route ")) {
      byName.put(row[0], row);
    }
    String[] delete = byName.get("POST /users/delete/{user_id}");
    RouteResult before = RunIndex.route(results.scenarios().get(0), RunResultsFixture.DELETE_USER);
    RouteResult after = RunIndex.route(results.scenarios().get(4), RunResultsFixture.DELETE_USER);
    assertThat(delete[1]).isEqualTo(ReportFormat.ms(before.timing().p50())).isEqualTo("80.6");
    assertThat(delete[2]).isEqualTo(ReportFormat.ms(before.timing().p95()));
    assertThat(delete[3]).isEqualTo(ReportFormat.ms(after.timing().p50())).isEqualTo("2.33");
    assertThat(delete[4]).isEqualTo(ReportFormat.ms(after.timing().p95()));
    assertThat(delete[5]).isEqualTo("1,912 / 1,912");
    assertThat(delete[6]).isEqualTo("-97.1%");
    assertThat(delete[7]).isEqualTo("much faster");

    // 0.490 → 0.485 ms: under the rule's 0.05 ms floor, whatever the test says
    String[] unchanged = byName.get("POST /song/add");
    assertThat(unchanged[6]).isEqualTo("-1.0%");
    assertThat(unchanged[7]).isEqualTo("no measurable change");

    String[] failed = byName.get("POST /song/link/add");
    assertThat(failed[1]).isEqualTo("failed");
    assertThat(failed[2]).isEqualTo("failed");
    assertThat(failed[7]).isEqualTo("failed");
    assertThat(read("README.md"))
        .contains("- POST /song/link/add (baseline) failed: " + RunResultsFixture.FAILED_REASON);
  }

  @Test
  void summaryListsCandidatesWithReasonsAndSavings() throws IOException {
    String md = read("README.md");
    assertThat(md)
        .contains("- [playlist_play_next_entry](playlist_play_next_entry.md) (rewrite, ")
        .contains("): playlist_play 99.7% faster; weighted saving 20,566 ms per minute.")
        .contains("): users_delete 97.1% faster, mood_refresh 99.1% faster; weighted saving 318 ms")
        .contains("- [songs_name_trgm](songs_name_trgm.md) (index, ")
        .contains("): no route improved significantly.")
        .contains(
            "![Mean time per route call, baseline and optimized, log scale](charts/route-times.svg)")
        .contains("(charts/latency-distribution.svg)");
    // accepted are ranked by time saved
    assertThat(md.indexOf("- [playlist_play_next_entry](playlist_play_next_entry.md) (rewrite"))
        .isLessThan(md.indexOf("- [song_history_user_id](song_history_user_id.md) (index"));
  }

  @Test
  void candidateWriteupTellsTheDeleteUserStory() throws IOException {
    String md = read("song_history_user_id.md");
    assertThat(md)
        .startsWith("# Index song_history(user_id) for the user cascade and mood refresh\n")
        .contains("**Accepted.**")
        .contains("## POST /users/delete/{user_id}")
        .contains("```sql\n" + RunResultsFixture.DELETE_USER_SQL + "\n```")
        .contains("| QUERY PLAN ")
        .contains("Trigger for constraint song_history_user_id_fkey: time=61.904 calls=1")
        .contains(
            "the delete itself took 0.075 ms; 61.9 ms of the 62.5 ms went to the trigger for"
                + " `song_history_user_id_fkey` (99.1%)")
        .contains("```sql\n" + RunResultsFixture.CASCADE_SQL + "\n```")
        .contains("Rows Removed by Filter: 917852")
        .contains(
            "Here the Seq Scan on `song_history` reads 919,039 rows and its filter throws away 917,852 (99.9%) to keep 1,187.")
        .contains("```sql\nCREATE INDEX song_history_user_id_idx ON song_history (user_id);\n```")
        .contains("<details><summary>Production migration")
        .contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS song_history_user_id_idx")
        .contains("Bitmap Index Scan on song_history_user_id_idx")
        .contains("Trigger for constraint song_history_user_id_fkey: time=0.731 calls=1")
        .contains("From 61.7 ms to 0.744 ms, a 98.8% improvement for this cascade")
        .contains(
            "- **Statement 2**, EXPLAIN ANALYZE median: from 65.3 ms to 1.22 ms, a"
                + " 98.1% improvement, shared buffers from 6,961 to 1,419.")
        .contains(
            "- **Route**, JMH median per call (all statements): from 66.1 ms to 1.91 ms, a 97.1%"
                + " improvement (400 and 400 samples, ratio of medians ×0.0289")
        .contains("[plan JSON (pev2-loadable)](plans/baseline/users_delete/2.json)")
        .contains("[plan JSON (pev2-loadable)](plans/song_history_user_id/users_delete/2.json)")
        .contains("## Write overhead", "| WAL per execution ", "stayed HOT: 100.0% → 100.0%")
        .contains(
            "- Build: 1.84 s on the seeded copy; size on disk 20 MB (`song_history_user_id_idx`).")
        .doesNotContain("<DATA>");
    // plan before comes before the DDL, which comes before the plan after
    assertThat(md.indexOf("time=61.904")).isLessThan(md.indexOf("CREATE INDEX song_history"));
    assertThat(md.indexOf("CREATE INDEX song_history")).isLessThan(md.indexOf("time=0.731"));
  }

  @Test
  void summaryTellsTheStoryOfEachSlowRouteInTableOrder() throws IOException {
    String md = read("README.md");
    int stories = md.indexOf("## The slow routes, one by one");
    int ship = md.indexOf("## What to ship");
    String story = md.substring(stories, ship);
    assertThat(story)
        .contains(
            "### POST /users/delete/{user_id}\n\n"
                + RunResultsFixture.DELETE_USER_DESCRIPTION
                + "\n\nThe route (`users_delete.sql`) runs 2 statements")
        // a route whose file has no @description opens with its statements
        .contains("### GET /playlist/{playlist_id}/play (No Ad)\n\nThe route (`playlist_play.sql`)")
        .contains("Its plan before and after, both run with `user_id = 417` (draw 2):")
        .contains("went to the trigger for `song_history_user_id_fkey` (99.1%)")
        .contains("```sql\n" + RunResultsFixture.CASCADE_SQL + "\n```")
        .contains("Rows Removed by Filter: 917852")
        .contains("WAL: records=12 bytes=1320")
        .contains("Settings: work_mem = '4MB'")
        .contains("#### The fix\n\n[song_history_user_id](song_history_user_id.md): ")
        .contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS song_history_user_id_idx")
        .contains("Bitmap Index Scan on song_history_user_id_idx")
        .contains("- **Statement 2**, EXPLAIN ANALYZE median: from 65.3 ms to 1.22 ms, a 98.1%")
        .contains(
            "- **Route**, JMH median per call: from 80.6 ms to 2.33 ms, a 97.1% improvement"
                + " (1,912 and 1,912 samples, ratio of medians")
        .contains(
            "[plan JSON (pev2-loadable)](plans/baseline/users_delete/2.fk-song_history_user_id_fkey.json)")
        .doesNotContain("### POST /song/add");
    // the workload's route order: users, then songs, then playlists, then the rest
    assertThat(story.indexOf("### POST /users/delete/{user_id}"))
        .isLessThan(story.indexOf("### POST /song/{song_id}/remove"));
    assertThat(story.indexOf("### POST /song/{song_id}/remove"))
        .isLessThan(story.indexOf("### GET /playlist/{playlist_id}/play (No Ad)"));
    assertThat(story.indexOf("### GET /playlist/{playlist_id}/play (No Ad)"))
        .isLessThan(story.indexOf("### mood refresh (background job)"));
    // the cascade's plan is copied next to the others, with its text
    assertThat(written)
        .contains(
            "plans/baseline/users_delete/2.fk-song_history_user_id_fkey.json",
            "plans/baseline/users_delete/2.fk-song_history_user_id_fkey.txt",
            "plans/baseline/users_delete/2.txt");
  }

  @Test
  void whatToShipListsTheAcceptedSetInOrderWithItsCosts() throws IOException {
    String md = read("README.md");
    String ship = md.substring(md.indexOf("## What to ship"), md.indexOf("## What indexes cannot"));
    assertThat(ship)
        .contains("1. [playlist_play_next_entry](playlist_play_next_entry.md) (rewrite): ")
        .contains(
            "2. [song_history_user_id](song_history_user_id.md) (index): 20 MB on disk, built")
        .contains("in 1,840 ms on the seeded copy")
        .contains("Speeds up POST /users/delete/{user_id} (JMH -97.1%)");
  }

  /** An OFFSET that walks rows, and a rewrite that changes the API, measured but not accepted. */
  @Test
  void whatIndexesCannotFixNamesTheOffsetWalkAndTheApiRewrite() throws Exception {
    String sql = "SELECT id, song_name FROM songs\nLIMIT 5 OFFSET :offset";
    String plan =
        "Limit  (cost=1472.84..1472.96 rows=5 width=51) (actual time=10.468..10.470 rows=5"
            + " loops=1)\n"
            + "  ->  Seq Scan on songs  (cost=0.00..1922.03 rows=77803 width=51) (actual"
            + " time=0.005..7.851 rows=59625 loops=1)\n"
            + "Planning Time: 0.025 ms\n"
            + "Execution Time: 10.481 ms";
    List<ScenarioResult> scenarios = new ArrayList<>();
    for (ScenarioResult sc : results.scenarios()) {
      List<RouteResult> routes = new ArrayList<>();
      for (RouteResult r : sc.routes()) {
        if (r.id().equals("song_get_library")) {
          StatementCapture s = r.statements().get(0);
          r =
              withStatements(
                  r,
                  List.of(
                      new StatementCapture(
                          s.index(), s.label(), sql, 10.481, 10.2, 10.9, 0.025, 857, 0, 0, plan,
                          null, List.of(), List.of(), List.of(), List.of(), List.of(), null, 5,
                          -1)));
        }
        routes.add(r);
      }
      scenarios.add(new ScenarioResult(sc.name(), sc.candidates(), routes, sc.errors()));
    }
    List<CandidateResult> candidates = new ArrayList<>(results.candidates());
    candidates.add(
        new CandidateResult(
            "library_keyset",
            UnfixedFindings.API_REWRITE,
            "Page the library by key instead of OFFSET",
            List.of(),
            List.of(),
            null,
            null,
            null,
            List.of("song_get_library"),
            List.of(
                new RouteDelta(
                    "song_get_library",
                    3.8,
                    0.09,
                    7.6,
                    0.2,
                    10.481,
                    0.031,
                    857,
                    4,
                    0,
                    0,
                    false,
                    true,
                    RunResultsFixture.change(3.72, 0.088, true),
                    null,
                    null,
                    -1,
                    -1)),
            null,
            new Decision(false, "changes the API: measured, never accepted", 0),
            List.of()));
    Path dir = temp.resolve("unfixed");
    new ReportWriter(
            new RunResults(results.meta(), scenarios, candidates), resultsDir, Setting::toString)
        .writeTo(dir);
    String md = Files.readString(dir.resolve("README.md"));
    String unfixed =
        md.substring(md.indexOf("## What indexes cannot fix"), md.indexOf("## Route times"));
    assertThat(unfixed)
        .contains(
            "GET /song/get_library/, statement 1: its Limit keeps 5 of the 59,625 rows its input"
                + " produced")
        .contains("throws away 59,620 rows in that call")
        .contains("keyset pagination")
        .contains(
            "[library_keyset](library_keyset.md), GET /song/get_library/: if the API changes,"
                + " EXPLAIN from 10.5 ms to 0.031 ms, a 99.7% improvement; JMH median from 3.72"
                + " ms to 0.088 ms, a 97.6% improvement");
    // listed apart from the rejected candidates, with its reason
    assertThat(md)
        .contains("### Rejected (1)")
        .contains(
            "### Changing the API (1)\n\nRewrites that return other rows by design, so the"
                + " application has to change with them")
        .contains(
            "- [library_keyset](library_keyset.md) (API_REWRITE, Page the library by key instead"
                + " of OFFSET): changes the API: measured, never accepted.");
    assertThat(Files.readString(dir.resolve("library_keyset.md")))
        .contains("**Changes the API: measured, never accepted.** Candidate `library_keyset`");
    assertThat(Files.readString(dir.resolve("routes.md")))
        .contains("The Limit keeps 5 of the 59,625 rows its input produced: the other 59,620")
        .doesNotContain(
            "indexlab flagged nothing in this plan: no trigger time, no finding.\n\n"
                + "The optimized");
  }

  @Test
  void anAcceptedCandidateWhoseTableShowsNoFasterRouteSaysWhy() throws Exception {
    CandidateResult c = results.candidates().get(0);
    List<RouteDelta> slower = new ArrayList<>();
    for (RouteDelta d : c.deltas()) {
      slower.add(
          new RouteDelta(
              d.route(),
              d.meanBeforeMs(),
              d.meanAfterMs(),
              d.p95BeforeMs(),
              d.p95AfterMs(),
              d.explainBeforeMs(),
              d.explainAfterMs(),
              d.buffersBefore(),
              d.buffersAfter(),
              d.walBytesBefore(),
              d.walBytesAfter(),
              d.writesIndexedTable(),
              d.usesCandidate(),
              RunResultsFixture.change(1.0, 1.2, true),
              null,
              null,
              -1,
              -1));
    }
    CandidateResult onTop =
        new CandidateResult(
            c.id(),
            c.kind(),
            c.description(),
            c.ddl(),
            c.reasons(),
            c.productionMigration(),
            c.whatIf(),
            c.build(),
            c.affectedRoutes(),
            slower,
            c.equivalence(),
            new RunResults.Decision(
                true, "on top of the accepted set: users_delete 97.1% faster", 318.4),
            List.of());
    List<CandidateResult> candidates = new ArrayList<>(results.candidates());
    candidates.set(0, onTop);
    Path dir = temp.resolve("on-top");
    new ReportWriter(
            new RunResults(results.meta(), results.scenarios(), candidates),
            resultsDir,
            Setting::toString)
        .writeTo(dir);
    assertThat(Files.readString(dir.resolve(new RunIndex(results, Setting::toString).pageOf(c))))
        .contains("**Accepted.**")
        .contains(
            "No route in the table below, where it was measured on its own against the baseline,"
                + " is significantly faster: the gain that accepted it was measured on its second"
                + " look, on top of the accepted set");
  }

  @Test
  void planTablesKeepIndentationAndEscapePipes() {
    String table = PlanTable.render("Seq Scan on t\n  Filter: ((a || b) = 'x')\n");
    assertThat(table)
        .isEqualTo(
            "| QUERY PLAN                   |\n"
                + "| ---------------------------- |\n"
                + "| Seq Scan on t                |\n"
                + "| \u00a0\u00a0Filter: ((a \\|\\| b) = 'x') |\n");
  }

  @Test
  void rewriteWriteupShowsBothStatementsAndTheEquivalence() throws IOException {
    String md = read("playlist_play_next_entry.md");
    assertThat(md)
        .contains("Only a single query is used. Before the rewrite it reads:")
        .contains("```sql\n" + RunResultsFixture.PLAY_SQL_BEFORE + "\n```")
        .contains("```sql\n" + RunResultsFixture.PLAY_SQL_AFTER + "\n```")
        .contains("**Equivalence check:** equivalent: 200 parameter sets returned the same rows")
        .contains("A sort spilled 6.6 MB to disk")
        .contains("from 392 ms to 0.061 ms, a 99.98% improvement")
        .contains("No measured route writes a table this candidate indexes");
  }

  @Test
  void rejectedWriteupSaysWhyAndShowsTheMeasurements() throws IOException {
    String md = read("songs_name_trgm.md");
    assertThat(md)
        .contains("**Rejected.**", "no route improved significantly")
        .contains("No route got measurably faster with this candidate")
        .contains("CREATE EXTENSION IF NOT EXISTS pg_trgm;")
        .contains("the planner would not use it")
        .contains("| GET /song/search/{query} ");
  }

  @Test
  void chartsAreWellFormedWithOneBarPerRouteAndScenario() throws Exception {
    Document svg = parse(read("charts/route-times.svg"));
    assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
    int routes = 16;
    int failedBars = 2; // song_link_add failed in both scenarios
    assertThat(elementsWithClass(svg, "rect", "bar")).hasSize(routes * 2 - failedBars);
    Document dist = parse(read("charts/latency-distribution.svg"));
    assertThat(elementsWithClass(dist, "rect", "box")).hasSize(ReportCharts.MOST_CHANGED * 2);
  }

  @Test
  void everyRelativeLinkPointsAtAFileThatExists() throws IOException {
    Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    List<String> checked = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path md : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        Matcher m = link.matcher(Files.readString(md));
        while (m.find()) {
          String target = m.group(1);
          assertThat(target).doesNotContain("://");
          Path resolved = md.getParent().resolve(target.replace("%7B", "{").replace("%7D", "}"));
          assertThat(resolved).as(md.getFileName() + " links " + target).isRegularFile();
          checked.add(target);
        }
      }
    }
    assertThat(checked)
        .contains("song_history_user_id.md", "routes.md", "results.json", "README.md");
  }

  @Test
  void regenerationIsByteIdentical() throws IOException {
    Path again = temp.resolve("again");
    Path fromCopy = temp.resolve("from-copy");
    // rebuild from the written report itself, as `indexlab report --from reports` does
    RunResults reread = RunResultsJson.read(out.resolve(RunResultsJson.FILE_NAME));
    new ReportWriter(reread, out, Setting::toString).writeTo(fromCopy);
    new ReportWriter(results, resultsDir, Setting::toString).writeTo(again);
    for (Path other : List.of(again, fromCopy)) {
      try (Stream<Path> files = Files.walk(out)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Path twin = other.resolve(out.relativize(f).toString());
          assertThat(Files.readAllBytes(twin)).as(twin.toString()).isEqualTo(Files.readAllBytes(f));
        }
      }
    }
  }

  /**
   * The summary states the rule the run decided with, from results.json's {@code meta.rule}, and
   * the defaults for a file without one: change a threshold and the sentence follows.
   */
  @Test
  void theSummaryStatesTheThresholdsOfTheRunsRule() throws Exception {
    String strict = summaryWithRule(new RunResults.Rule(0.35, 0.25, 0.15, 2.0));
    assertThat(strict)
        .contains("the medians differ by at least 0.250 ms per call")
        .contains("counts from 35% and 0.250 ms faster or 15% and 0.250 ms slower")
        .contains("\"Much faster\" means at least " + ChangeWording.muchFasterPercent() + "%")
        .doesNotContain("from 20% and");
    RunResults.Rule d = RunResults.Rule.DEFAULTS;
    assertThat(summaryWithRule(null))
        .contains(
            "counts from "
                + Math.round(100 * d.minGain())
                + "% and "
                + ReportFormat.ms(d.minGainMs())
                + " ms faster or "
                + Math.round(100 * d.maxRegression())
                + "% and ");
  }

  private String summaryWithRule(RunResults.Rule rule) throws IOException {
    RunResults.Meta m = results.meta();
    RunResults.Meta meta =
        new RunResults.Meta(
            m.date(),
            m.indexlabVersion(),
            m.postgresVersion(),
            m.settings(),
            m.target(),
            m.workload(),
            m.scale(),
            m.seed(),
            m.profile(),
            m.commit(),
            m.threads(),
            m.cores(),
            m.memoryBytes(),
            m.javaVersion(),
            m.os(),
            m.scenarioDatabases(),
            rule);
    Path dir = temp.resolve("rule-" + (rule == null ? "none" : rule.minGain()));
    new ReportWriter(
            new RunResults(meta, results.scenarios(), results.candidates()),
            resultsDir,
            Setting::toString)
        .writeTo(dir);
    return Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8);
  }

  /** A timing without its samples (results older than the rule) is not compared, not guessed. */
  @Test
  void aRouteWithoutSamplesIsNotCompared() throws Exception {
    Map<String, String[]> byName =
        routeTableWithOptimized(
            "no-samples",
            "mood_refresh",
            r -> {
              Timing t = r.timing();
              return r.withTiming(
                  new Timing(
                      t.mean(),
                      t.error(),
                      t.p50(),
                      t.p90(),
                      t.p95(),
                      t.p99(),
                      t.max(),
                      t.samples(),
                      t.histogram(),
                      null,
                      null));
            });
    assertThat(byName.get("mood refresh (background job)")[7])
        .isEqualTo("not compared: no samples");
    assertThat(byName.get("POST /users/delete/{user_id}")[7]).isEqualTo("much faster");
  }

  /** p95 is not printed from fewer than 100 samples: it would be a maximum under another name. */
  @Test
  void aPercentileIsNotPrintedFromTooFewSamples() throws Exception {
    Map<String, String[]> byName =
        routeTableWithOptimized(
            "few-samples",
            "mood_refresh",
            r -> {
              Timing t = r.timing();
              double[] few = java.util.Arrays.copyOf(t.values(), 17);
              return r.withTiming(
                  new Timing(
                      t.mean(),
                      t.error(),
                      t.p50(),
                      t.p90(),
                      t.p95(),
                      t.p99(),
                      t.max(),
                      17,
                      t.histogram(),
                      null,
                      few));
            });
    String[] row = byName.get("mood refresh (background job)");
    assertThat(row[4]).isEqualTo("–");
    assertThat(row[5]).isEqualTo("1,912 / 17");
    assertThat(Files.readString(temp.resolve("few-samples").resolve("README.md")))
        .contains("fewer than 100 samples, too few to hold a 95th percentile");
  }

  @Test
  void aRouteTheOptimizedSetCannotChangeIsMarkedNotRetimed() throws Exception {
    RouteResult before = RunIndex.route(results.scenarios().get(0), "users_create");
    Map<String, String[]> byName =
        routeTableWithOptimized(
            "not-retimed",
            "users_create",
            r -> r.withTiming(before.timing().reusedFrom("baseline")));
    String[] row = byName.get("POST /users/create");
    assertThat(row[1]).isEqualTo(row[3]);
    assertThat(row[6]).isEqualTo("n/a");
    assertThat(row[7]).isEqualTo("unchanged, not re-timed");
    assertThat(Files.readString(temp.resolve("not-retimed").resolve("README.md")))
        .contains("\"unchanged, not re-timed\": the route reads and writes no table the accepted");
    assertThat(read("README.md")).doesNotContain("not re-timed");
  }

  /**
   * The summary's route table, by route name, of the fixture with the optimized scenario's route
   * {@code id} replaced by {@code change} of it, written to {@code temp/dirName}.
   */
  private Map<String, String[]> routeTableWithOptimized(
      String dirName, String id, java.util.function.UnaryOperator<RouteResult> change)
      throws IOException {
    ScenarioResult opt = results.scenarios().get(results.scenarios().size() - 1);
    List<RouteResult> routes = new ArrayList<>();
    for (RouteResult r : opt.routes()) {
      routes.add(r.id().equals(id) ? change.apply(r) : r);
    }
    List<ScenarioResult> scenarios = new ArrayList<>(results.scenarios());
    scenarios.set(
        scenarios.size() - 1,
        new ScenarioResult(opt.name(), opt.candidates(), routes, opt.errors()));
    Path dir = temp.resolve(dirName);
    new ReportWriter(
            new RunResults(results.meta(), scenarios, results.candidates()),
            resultsDir,
            Setting::toString)
        .writeTo(dir);
    Map<String, String[]> byName = new TreeMap<>();
    for (String[] row : tableRows(Files.readString(dir.resolve("README.md")), "| Route ")) {
      byName.put(row[0], row);
    }
    return byName;
  }

  @Test
  void aCaptureThatStoppedEarlyIsNamedOnTheCandidatePage() throws Exception {
    List<ScenarioResult> scenarios = new ArrayList<>();
    for (ScenarioResult sc : results.scenarios()) {
      int draws = sc.name().equals("baseline") ? 5 : sc.name().equals("songs_name_trgm") ? 1 : 0;
      List<RouteResult> routes = new ArrayList<>();
      for (RouteResult r : sc.routes()) {
        List<StatementCapture> statements = new ArrayList<>();
        for (StatementCapture st : RunIndex.statements(r)) {
          statements.add(withDraws(st, draws));
        }
        routes.add(withStatements(r, statements));
      }
      scenarios.add(new ScenarioResult(sc.name(), sc.candidates(), routes, sc.errors()));
    }
    Path dir = temp.resolve("stopped-early");
    new ReportWriter(
            new RunResults(results.meta(), scenarios, results.candidates()),
            resultsDir,
            Setting::toString)
        .writeTo(dir);
    assertThat(Files.readString(dir.resolve("songs_name_trgm.md")))
        .contains(" (1 draw of 5) stopped early: a draw took over ten times the slowest baseline");
    assertThat(read("songs_name_trgm.md")).doesNotContain("stopped early");
  }

  private static RouteResult withStatements(RouteResult r, List<StatementCapture> statements) {
    return new RouteResult(
        r.id(),
        r.name(),
        r.file(),
        r.weight(),
        r.writes(),
        r.timing(),
        statements,
        r.error(),
        r.hotUpdateShare(),
        null,
        null);
  }

  private static StatementCapture withDraws(StatementCapture s, int draws) {
    return new StatementCapture(
        s.index(),
        s.label(),
        s.sql(),
        s.medianExecutionMs(),
        s.minExecutionMs(),
        s.maxExecutionMs(),
        s.planningMs(),
        s.sharedHit(),
        s.sharedRead(),
        s.walBytes(),
        s.planText(),
        s.planJsonFile(),
        s.triggers(),
        s.drillDowns(),
        s.findings(),
        s.indexesUsed(),
        s.nodeTypes(),
        s.error(),
        draws,
        -1);
  }

  @Test
  void aCandidateRejectedOnExplainSaysItsRoutesWereNotTimed() throws Exception {
    List<CandidateResult> candidates = new ArrayList<>();
    for (CandidateResult c : results.candidates()) {
      if (!c.id().equals("songs_name_trgm")) {
        candidates.add(c);
        continue;
      }
      List<RouteDelta> untimed = new ArrayList<>();
      for (RouteDelta d : c.deltas()) {
        untimed.add(
            new RouteDelta(
                d.route(),
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                d.explainBeforeMs(),
                d.explainAfterMs(),
                d.buffersBefore(),
                d.buffersAfter(),
                d.walBytesBefore(),
                d.walBytesAfter(),
                true,
                d.usesCandidate(),
                null,
                null,
                null,
                -1,
                -1));
      }
      candidates.add(
          new CandidateResult(
              c.id(),
              c.kind(),
              c.description(),
              c.ddl(),
              c.reasons(),
              c.productionMigration(),
              c.whatIf(),
              c.build(),
              c.affectedRoutes(),
              untimed,
              c.equivalence(),
              new Decision(
                  false,
                  "no route that uses it got 20% faster in EXPLAIN with fewer shared buffers"
                      + " (not timed under JMH)",
                  0),
              List.of()));
    }
    Path dir = temp.resolve("untimed");
    new ReportWriter(
            new RunResults(results.meta(), results.scenarios(), candidates),
            resultsDir,
            Setting::toString)
        .writeTo(dir);
    String page = Files.readString(dir.resolve("songs_name_trgm.md"));
    assertThat(page)
        .contains("Routes without JMH figures were not timed with this candidate")
        .contains(" not timed |")
        .contains("not timed; EXPLAIN: ")
        .contains(
            "Of the 1 route that writes the indexed table, 1 was not timed under JMH (rejected on"
                + " EXPLAIN)");
    assertThat(read("songs_name_trgm.md")).doesNotContain("not timed");
  }

  @Test
  void aBaselineOnlyRunStillFillsEveryCell() throws Exception {
    RunResults baselineOnly =
        new RunResults(results.meta(), List.of(results.scenarios().get(0)), List.of());
    Path dir = temp.resolve("baseline-only");
    List<String> files = new ReportWriter(baselineOnly, resultsDir, Setting::toString).writeTo(dir);
    assertThat(files).doesNotContain(ReportCharts.DISTRIBUTION).contains(ReportCharts.ROUTE_TIMES);
    String md = Files.readString(dir.resolve("README.md"));
    assertThat(md)
        .contains("No optimized scenario was run")
        .contains("No candidate was evaluated.")
        .contains("_No latency distribution chart")
        .doesNotContain("latency-distribution.svg");
    for (String[] row : tableRows(md, "| Route ")) {
      if (!row[0].isEmpty()) {
        assertThat(row).allSatisfy(cell -> assertThat(cell).isNotBlank());
        assertThat(row[3]).isEqualTo("not run");
      }
    }
    Document svg = parse(Files.readString(dir.resolve(ReportCharts.ROUTE_TIMES)));
    assertThat(elementsWithClass(svg, "rect", "bar")).hasSize(16 - 1);
  }

  @Test
  void routesOutsideTheWriteupKeepTheOrderOfTheRun() throws Exception {
    RunResults.ScenarioResult base = results.scenarios().get(0);
    List<RouteResult> own = new ArrayList<>();
    for (String name : List.of("GET /orders/{id}", "POST /orders")) {
      RouteResult r = base.routes().get(0);
      own.add(
          new RouteResult(
              name.replaceAll("\\W", ""),
              name,
              "x.sql",
              1,
              false,
              r.timing(),
              r.statements(),
              null,
              null,
              null,
              null));
    }
    RunResults byo =
        new RunResults(
            results.meta(),
            List.of(new RunResults.ScenarioResult("baseline", List.of(), own, List.of())),
            List.of());
    Path dir = temp.resolve("byo");
    new ReportWriter(byo, resultsDir, Setting::toString).writeTo(dir);
    List<String> names = new ArrayList<>();
    for (String[] row : tableRows(Files.readString(dir.resolve("README.md")), "| Route ")) {
      names.add(row[0]);
    }
    assertThat(names).containsExactly("GET /orders/{id}", "POST /orders");
  }

  @Test
  void aCandidateWithoutItsOwnScenarioFallsBackToItsDeltas() throws Exception {
    List<RunResults.ScenarioResult> scenarios = new ArrayList<>(results.scenarios());
    scenarios.removeIf(sc -> sc.name().equals("song_history_user_id"));
    RunResults partial = new RunResults(results.meta(), scenarios, results.candidates());
    Path dir = temp.resolve("partial");
    new ReportWriter(partial, resultsDir, Setting::toString).writeTo(dir);
    String md = Files.readString(dir.resolve("song_history_user_id.md"));
    assertThat(md)
        .contains("The statement was not captured with the candidate in place.")
        .contains("from 65.3 ms to 1.22 ms, a 98.1% improvement")
        .contains("from 66.1 ms to 1.91 ms, a 97.1% improvement")
        .doesNotContain("<DATA>");
  }

  /**
   * Rows (cells trimmed) of the first markdown table whose header line starts with {@code header}.
   */
  static List<String[]> tableRows(String md, String header) {
    List<String> lines = md.lines().toList();
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(header)) {
        start = i;
        break;
      }
    }
    assertThat(start).as("table " + header).isNotNegative();
    List<String[]> rows = new ArrayList<>();
    for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String line = lines.get(i);
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      for (int c = 1; c < line.length(); c++) {
        char ch = line.charAt(c);
        if (ch == '|' && line.charAt(c - 1) != '\\') {
          cells.add(cell.toString().strip());
          cell.setLength(0);
        } else {
          cell.append(ch);
        }
      }
      rows.add(cells.toArray(new String[0]));
    }
    return rows;
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  static List<Element> elementsWithClass(Document doc, String tag, String cls) {
    NodeList nodes = doc.getElementsByTagNameNS("*", tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (cls.equals(e.getAttribute("class"))) {
        out.add(e);
      }
    }
    return out;
  }
}
