package dev.indexlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import dev.indexlab.results.ColumnRoles;
import dev.indexlab.results.Finding;
import dev.indexlab.results.FindingKind;
import dev.indexlab.results.RunResults;
import dev.indexlab.results.RunResults.RouteDelta;
import dev.indexlab.results.RunResults.Timing;
import dev.indexlab.stats.HistogramEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultsJsonTest {
  @TempDir Path temp;

  @Test
  void roundTripsTheFixtureIncludingHistogramsAndOptionalFields() {
    RunResults results = RunResultsFixture.results();
    String json = RunResultsJson.toJson(results);
    RunResults back = RunResultsJson.fromJson(json, "test");

    assertThat(RunResultsJson.toJson(back)).isEqualTo(json);
    Timing timing = back.scenarios().get(0).routes().get(0).timing();
    Timing original = results.scenarios().get(0).routes().get(0).timing();
    assertThat(timing.histogram()).hasSameSizeAs(original.histogram());
    for (int i = 0; i < timing.histogram().size(); i++) {
      assertThat(timing.histogram().get(i)).isEqualTo(original.histogram().get(i));
    }
    RouteDelta hot = back.candidates().get(0).deltas().get(2);
    assertThat(hot.hotUpdateShareBefore()).isEqualTo(1.0);
    RouteDelta noHot = back.candidates().get(0).deltas().get(0);
    assertThat(noHot.hotUpdateShareBefore()).isNull();
  }

  @Test
  void outputIsDeterministicSortedAndUsesLineFeeds() {
    String json = RunResultsJson.toJson(RunResultsFixture.results());
    assertThat(json).isEqualTo(RunResultsJson.toJson(RunResultsFixture.results()));
    assertThat(json).doesNotContain("\r").endsWith("}\n");
    // settings map entries come out sorted by key
    assertThat(json.indexOf("\"jit\"")).isLessThan(json.indexOf("\"random_page_cost\""));
    assertThat(json.indexOf("\"shared_buffers\"")).isLessThan(json.indexOf("\"work_mem\""));
    // record components keep declaration order
    assertThat(json.indexOf("\"meta\"")).isLessThan(json.indexOf("\"scenarios\""));
  }

  @Test
  void missingNumbersSurviveAsNaN() {
    Timing nan = new Timing(Double.NaN, Double.NaN, 0, 0, 0, 0, 0, 0, List.of(), null, null);
    String json = RunResultsJson.toJson(withTiming(nan));
    assertThat(json).contains("\"mean\" : \"NaN\"");
    Timing back = RunResultsJson.fromJson(json, "test").scenarios().get(0).routes().get(0).timing();
    assertThat(back.mean()).isNaN();
    assertThat(back.error()).isNaN();
  }

  /** Histogram entries are typed in memory and stay arrays by position in the file. */
  @Test
  void histogramEntriesAreWrittenAsTheArraysResultsFilesHaveAlwaysHeld() {
    List<HistogramEntry> entries =
        List.of(new HistogramEntry(0.5, 0.625, 50), HistogramEntry.value(2.5, 3));
    String json =
        RunResultsJson.toJson(withTiming(new Timing(1, 0, 1, 1, 1, 1, 3, 53, entries, null, null)));
    assertThat(json).contains("\"histogram\" : [ [ 0.5, 0.625, 50.0 ], [ 2.5, 3.0 ] ],");
    Timing back = RunResultsJson.fromJson(json, "test").scenarios().get(0).routes().get(0).timing();
    assertThat(back.histogram()).isEqualTo(entries);
    assertThat(back.histogram().get(1).isValue()).isTrue();
    assertThat(RunResultsJson.toJson(RunResultsJson.fromJson(json, "test"))).isEqualTo(json);

    String bad = json.replace("[ 2.5, 3.0 ]", "[ 2.5 ]");
    assertThatThrownBy(() -> RunResultsJson.fromJson(bad, "bad.json"))
        .isInstanceOf(IndexlabException.class)
        .hasMessageStartingWith("cannot read bad.json: ")
        .hasMessageContaining(
            "a histogram entry is [from, to, count] or [value, count], not 1 numbers (line ");
  }

  private static RunResults withTiming(Timing timing) {
    return new RunResults(
        RunResultsFixture.results().meta(),
        List.of(
            new RunResults.ScenarioResult(
                "baseline",
                List.of(),
                List.of(
                    new RunResults.RouteResult(
                        "r", "r", "r.sql", 1, false, timing, List.of(), null, null, null, null)),
                List.of())),
        List.of());
  }

  @Test
  void aRouteKeepsItsDescriptionAndOlderResultsWithoutOneStillRead() {
    String json = RunResultsJson.toJson(RunResultsFixture.results());
    RunResults.RouteResult deleteUser =
        RunResultsJson.fromJson(json, "test").scenarios().get(0).byId().get("users_delete");
    assertThat(deleteUser.description()).isEqualTo(RunResultsFixture.DELETE_USER_DESCRIPTION);

    // results written before routes carried their description
    String older = json.replaceAll(",\\s*\"description\" : \"Deletes a user;[^\"]*\"", "");
    assertThat(older).isNotEqualTo(json).doesNotContain("cascades to song_history, users_");
    RunResults.RouteResult back =
        RunResultsJson.fromJson(older, "older").scenarios().get(0).byId().get("users_delete");
    assertThat(back.description()).isNull();
    assertThat(back.draws().shown()).isEqualTo(2);
  }

  /**
   * results.json stores the explain step's finding in the shape it always had: node path and
   * drill-down joined in "node", every number a double; reading splits them again.
   */
  @Test
  void aFindingIsStoredAsResultsJsonAlwaysHadItAndReadsBack() {
    Finding scan =
        new Finding(
            FindingKind.SEQ_SCAN_REMOVES_MOST_ROWS,
            "users_delete",
            1,
            "song_history_user_id_fkey",
            "/0/Plan",
            "Seq Scan",
            "public.song_history",
            "public",
            "song_history",
            List.of("user_id"),
            new ColumnRoles(List.of("user_id"), null, null, null),
            Map.of("rowsRemoved", 917852, "fractionRemoved", 0.9987),
            "Seq Scan on song_history removes 917,852 rows");
    RunResults.StatementCapture s =
        new RunResults.StatementCapture(
            1,
            "delete",
            "DELETE FROM users WHERE id = ?",
            1,
            1,
            1,
            0.1,
            1,
            0,
            0,
            null,
            null,
            List.of(),
            List.of(),
            List.of(scan),
            List.of(),
            List.of(),
            null,
            1,
            -1);
    RunResults.RouteResult route =
        new RunResults.RouteResult(
            "users_delete",
            "users_delete",
            "r.sql",
            1,
            true,
            null,
            List.of(s),
            null,
            null,
            null,
            null);
    RunResults results =
        new RunResults(
            RunResultsFixture.results().meta(),
            List.of(
                new RunResults.ScenarioResult("baseline", List.of(), List.of(route), List.of())),
            List.of());
    String json = RunResultsJson.toJson(results);
    // the stored shape, whitespace aside (the sample report's rebuild checks it byte for byte)
    assertThat(json.replaceAll("\\s+", " "))
        .contains(
            """
                "findings" : [ {
                  "kind" : "SEQ_SCAN_REMOVES_MOST_ROWS",
                  "route" : "users_delete",
                  "statement" : 1,
                  "node" : "/0/Plan via song_history_user_id_fkey",
                  "relation" : "public.song_history",
                  "columns" : [ "user_id" ],
                  "message" : "Seq Scan on song_history removes 917,852 rows",
                  "numbers" : {
                    "fractionRemoved" : 0.9987,
                    "rowsRemoved" : 917852.0
                  }
                } ],"""
                .replaceAll("\\s+", " "));

    RunResults back = RunResultsJson.fromJson(json, "test");
    Finding read = back.scenarios().get(0).routes().get(0).statements().get(0).findings().get(0);
    assertThat(read.kind()).isEqualTo(FindingKind.SEQ_SCAN_REMOVES_MOST_ROWS);
    assertThat(read.nodePath()).isEqualTo("/0/Plan");
    assertThat(read.drillDown()).isEqualTo("song_history_user_id_fkey");
    assertThat(read.numbers()).containsEntry("rowsRemoved", 917852.0);
    assertThat(read.roles()).isEqualTo(ColumnRoles.NONE);
    assertThat(RunResultsJson.toJson(back)).isEqualTo(json);
  }

  /** A finding kind this version does not know cannot be stored again as it was: one line. */
  @Test
  void aFindingOfAKindThisVersionDoesNotKnowIsAUsageError() {
    String json =
        RunResultsJson.toJson(RunResultsFixture.results())
            .replace("\"kind\" : \"TRIGGER_DOMINATES\"", "\"kind\" : \"SOMETHING_NEWER\"");
    assertThat(json).contains("SOMETHING_NEWER");
    assertThatThrownBy(() -> RunResultsJson.fromJson(json, "newer.json"))
        .isInstanceOf(IndexlabException.class)
        .hasMessageStartingWith("cannot read newer.json: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void readAndWriteFiles() {
    Path file = temp.resolve("sub/results.json");
    RunResultsJson.write(RunResultsFixture.results(), file);
    assertThat(RunResultsJson.read(file).meta().seed()).isEqualTo(42);
  }

  @Test
  void missingOrCorruptFilesAreUsageErrorsNamingTheFile() throws Exception {
    Path missing = temp.resolve("nope/results.json");
    assertThatThrownBy(() -> RunResultsJson.read(missing))
        .isInstanceOfSatisfying(
            IndexlabException.class, e -> assertThat(e.status()).isEqualTo(IndexlabException.USAGE))
        .hasMessage("no results file: " + missing);

    Path corrupt = temp.resolve("results.json");
    Files.writeString(corrupt, "{\"meta\": {\"date\": \"x\",\n  oops");
    assertThatThrownBy(() -> RunResultsJson.read(corrupt))
        .isInstanceOfSatisfying(
            IndexlabException.class, e -> assertThat(e.status()).isEqualTo(IndexlabException.USAGE))
        .hasMessageStartingWith("cannot read " + corrupt + ": ")
        .hasMessageNotContaining("\n");

    Files.writeString(corrupt, "[]");
    assertThatThrownBy(() -> RunResultsJson.read(corrupt))
        .isInstanceOf(IndexlabException.class)
        .hasMessageContaining(corrupt.toString());

    Files.writeString(corrupt, "{}");
    assertThatThrownBy(() -> RunResultsJson.read(corrupt))
        .isInstanceOf(IndexlabException.class)
        .hasMessage(corrupt + " is not an indexlab results file (no meta/scenarios)");
  }
}
