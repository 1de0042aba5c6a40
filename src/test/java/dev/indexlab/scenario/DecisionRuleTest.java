package dev.indexlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.results.RunResults;
import dev.indexlab.results.RunResults.RouteDelta;
import dev.indexlab.stats.SyntheticSamples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The decision rule on deltas whose JMH side is the significance rule's comparison of real
 * (synthetic, seeded) samples, so every "faster" here is what the rule computes, not a flag.
 */
class DecisionRuleTest {
  private final DecisionRule rule = DecisionRule.defaults();
  private long seed = 1;

  /** A route timed on both sides: JMH medians, spread 10%, {@code n} samples each. */
  private RouteDelta timed(
      String route,
      double explainBefore,
      double explainAfter,
      double jmhBefore,
      double jmhAfter,
      long buffersBefore,
      long buffersAfter,
      boolean uses,
      boolean writes,
      int n) {
    var change =
        rule.significance()
            .compare(
                SyntheticSamples.lognormal(n, jmhBefore, 0.1, seed++),
                SyntheticSamples.lognormal(n, jmhAfter, 0.1, seed++));
    return new RouteDelta(
        route,
        jmhBefore,
        jmhAfter,
        jmhBefore,
        jmhAfter,
        explainBefore,
        explainAfter,
        buffersBefore,
        buffersAfter,
        0,
        0,
        writes,
        uses,
        change,
        null,
        null,
        -1,
        -1);
  }

  private RouteDelta using(String route, double before, double after) {
    return timed(route, before, after, before, after, 3_000, 20, true, false, 200);
  }

  private RouteDelta writer(String route, double before, double after, long bb, long ba) {
    return timed(route, before, after, before, after, bb, ba, false, true, 200);
  }

  @Test
  void acceptsAGainBothMeasurementsShowAndSavesTheMedianDifference() {
    var d =
        rule.decide(
            false,
            null,
            null,
            List.of(using("users_delete", 65, 1.2)),
            1 << 20,
            Map.of("users_delete", 2.0));

    assertThat(d.accepted()).isTrue();
    assertThat(d.reason()).startsWith("users_delete: EXPLAIN 65.0 → 1.20 ms (98.2% faster), JMH");
    assertThat(d.weightedMsSavedPerMinute()).isBetween(2 * 62.0, 2 * 66.0);
  }

  @Test
  void aGainOnNoiseIsNotAccepted() {
    // the 830-row table: EXPLAIN 0.047 → 0.005 ms, JMH 0.157 → 0.128 ms; under the 0.05 ms floor
    RouteDelta tiny = timed("orders_get", 0.047, 0.005, 0.157, 0.128, 12, 3, true, false, 200);

    assertThat(rule.worthTiming(false, List.of(tiny))).isFalse();
    var d = rule.decide(false, null, null, List.of(tiny), 0, Map.of());
    assertThat(d.accepted()).isFalse();
    assertThat(d.weightedMsSavedPerMinute()).isZero();
  }

  @Test
  void aJmhGainThatIsNotConfidentlyTwentyPercentIsNotAccepted() {
    // EXPLAIN shows 30%, JMH about 12% faster: significant but not the 20% the rule asks
    RouteDelta d = timed("search", 10, 7, 10, 8.8, 500, 300, true, false, 300);

    assertThat(d.jmh().faster()).isTrue();
    assertThat(rule.decide(false, null, null, List.of(d), 0, Map.of()).accepted()).isFalse();
  }

  @Test
  void anExplainTimeGainWithoutFewerBuffersIsTheMachine() {
    // 34% less EXPLAIN time but only 10% fewer buffers: a quieter moment, not less work
    RouteDelta d = timed("artist_delete", 97, 64, 97, 64, 3_300, 2_970, true, false, 200);

    assertThat(rule.worthTiming(false, List.of(d))).isFalse();
    assertThat(rule.decide(false, null, null, List.of(d), 0, Map.of()).accepted()).isFalse();
  }

  @Test
  void aFifthFewerRowsExaminedIsWorkDoneLessEvenWhenThePagesAreTheSame() {
    // a cascade deleting 1,461 rows touches their pages either way; the index spares reading the
    // other 16,900 rows of the table
    RouteDelta seqScan =
        timed("users_delete", 1.76, 0.79, 1.76, 0.79, 1_664, 1_492, true, false, 200);
    RouteDelta withRows =
        new RouteDelta(
            seqScan.route(),
            seqScan.meanBeforeMs(),
            seqScan.meanAfterMs(),
            seqScan.p95BeforeMs(),
            seqScan.p95AfterMs(),
            seqScan.explainBeforeMs(),
            seqScan.explainAfterMs(),
            seqScan.buffersBefore(),
            seqScan.buffersAfter(),
            0,
            0,
            false,
            true,
            seqScan.jmh(),
            null,
            null,
            18_381,
            1_461);

    assertThat(rule.worthTiming(false, List.of(seqScan))).as("pages alone: 10% fewer").isFalse();
    assertThat(rule.worthTiming(false, List.of(withRows))).isTrue();
    assertThat(rule.decide(false, null, null, List.of(withRows), 0, Map.of()).accepted()).isTrue();
  }

  @Test
  void aJmhGainThatExplainDoesNotShowIsNoImprovement() {
    RouteDelta d = timed("search", 10, 9.5, 10, 5, 500, 480, true, false, 200);
    var decision = rule.decide(false, null, null, List.of(d), 0, Map.of());

    assertThat(decision.accepted()).isFalse();
    assertThat(decision.reason()).startsWith("no route that uses it got 20% and 0.050 ms faster");
  }

  @Test
  void aConfirmedSlowdownBlocksAndIsNamed() {
    var d =
        rule.decide(
            false,
            null,
            null,
            List.of(using("a", 10, 1), writer("song_play", 1.0, 2.0, 10, 40)),
            0,
            Map.of());

    assertThat(d.accepted()).isFalse();
    assertThat(d.reason())
        .matches("song_play got 99\\.\\d% slower in JMH, median 1\\.0\\d → 2\\.0\\d ms .*");
  }

  @Test
  void aSlowdownWithoutMoreBuffersIsTheMachineNotTheIndex() {
    var d =
        rule.decide(
            false,
            null,
            null,
            List.of(using("a", 10, 1), writer("song_play", 1.0, 2.0, 10, 10)),
            0,
            Map.of());

    assertThat(d.accepted()).isTrue();
  }

  @Test
  void aSlowdownUnderTheRegressionFloorIsReportedNotBlocking() {
    // 0.2 → 0.35 ms per call with more buffers: real, but under --max-regression-ms 0.5
    var d =
        rule.decide(
            false,
            null,
            null,
            List.of(using("a", 10, 1), writer("song_add", 0.2, 0.35, 10, 30)),
            0,
            Map.of());

    assertThat(d.accepted()).isTrue();
    assertThat(rule.regressions(false, List.of(writer("song_add", 0.2, 0.35, 10, 30)))).isEmpty();
  }

  @Test
  void theWeightedWorkloadGettingSlowerRejects() {
    var d =
        rule.decide(
            false,
            null,
            null,
            List.of(using("rare", 10, 1), writer("hot_write", 0.2, 0.35, 10, 30)),
            0,
            Map.of("rare", 1.0, "hot_write", 1_000.0));

    assertThat(d.accepted()).isFalse();
    assertThat(d.reason()).startsWith("the weighted workload got slower");
  }

  @Test
  void onlyRoutesThatUseTheIndexOrWriteItsTableCount() {
    RouteDelta bystander = timed("unrelated", 1.0, 2.0, 1.0, 2.0, 10, 40, false, false, 200);
    var d = rule.decide(false, null, null, List.of(using("a", 10, 1), bystander), 0, Map.of());

    assertThat(d.accepted()).isTrue();
    assertThat(d.weightedMsSavedPerMinute()).isBetween(8.5, 9.5);
  }

  @Test
  void aDropWithNoMeasuredSavingIsNotAccepted() {
    RouteDelta same = writer("orders_insert", 0.30, 0.30, 10, 10);
    var d = rule.decide(true, null, null, List.of(same), 0, Map.of());

    assertThat(d.accepted()).isFalse();
    assertThat(d.reason()).startsWith("no route got significantly faster without it");
  }

  @Test
  void aDropThatSpeedsUpAWriteIsAccepted() {
    RouteDelta faster = writer("orders_insert", 1.2, 0.6, 40, 20);
    var d = rule.decide(true, null, null, List.of(faster), 0, Map.of());

    assertThat(d.accepted()).isTrue();
    assertThat(d.weightedMsSavedPerMinute()).isPositive();
  }

  @Test
  void aDeltaWithoutSamplesIsNeverSignificant() {
    RouteDelta noSamples =
        new RouteDelta(
            "a", 10, 1, 10, 1, 10, 1, 3_000, 20, 0, 0, false, true, null, null, null, -1, -1);

    assertThat(noSamples.significant()).isFalse();
    assertThat(rule.decide(false, null, null, List.of(noSamples), 0, Map.of()).accepted())
        .isFalse();
  }

  @Test
  void onlyAnExplainGainOnARouteThatUsesTheCandidateIsWorthTiming() {
    RouteDelta small = explainOnly("song_add", 0.2, 0.19, 16, 15, true);
    RouteDelta gain = explainOnly("users_delete", 90, 1.5, 3_000, 20, true);
    RouteDelta gainUnused = explainOnly("users_delete", 90, 1.5, 3_000, 20, false);

    assertThat(rule.worthTiming(false, List.of(small, gain))).isTrue();
    assertThat(rule.worthTiming(false, List.of(small, gainUnused))).isFalse();
    assertThat(rule.worthTiming(true, List.of(small))).isTrue();
    assertThat(rule.untimed(List.of(gainUnused)).reason())
        .isEqualTo("the planner did not use it for any affected route");
    assertThat(rule.untimed(List.of(small)).reason())
        .contains(
            "(not timed under JMH); closest: song_add, EXPLAIN 0.200 → 0.190 ms, shared"
                + " buffers 16 → 15")
        .doesNotContain("rows examined");
  }

  /** Not timed: a slowdown EXPLAIN shows with more buffers is a regression, and is named. */
  @Test
  void anUntimedSlowdownIsJudgedOnExplainAndNamedInTheReason() {
    RouteDelta slower = explainOnly("playlist_play", 165, 2_400, 2_700, 90_000, true);
    RouteDelta fewerBuffers = explainOnly("song_play", 6, 11, 1_300, 1_200, true);
    RouteDelta small = explainOnly("song_add", 0.2, 0.3, 16, 18, false);

    assertThat(rule.regressions(false, List.of(slower, fewerBuffers, small)))
        .extracting(RouteDelta::route)
        .containsExactly("playlist_play");
    assertThat(rule.untimed(List.of(slower, fewerBuffers, small)).reason())
        .contains("(not timed under JMH); closest: ")
        .endsWith("; EXPLAIN of playlist_play rose from 165 to 2,400 ms, with more shared buffers");
  }

  @Test
  void explainDeltasCarryNoJmhFigures() {
    RunResults.StatementCapture before = statement(90.7, 3_000, "users_pkey");
    RunResults.StatementCapture after = statement(1.5, 20, "song_history_user_id_idx");
    var deltas =
        rule.deltas()
            .explained(
                Map.of("users_delete", route("users_delete", before)),
                Map.of(
                    "users_delete", route("users_delete", after), "other", route("other", after)),
                List.of(),
                List.of("public.song_history_user_id_idx"));

    assertThat(deltas).hasSize(1);
    RouteDelta d = deltas.get(0);
    assertThat(d.meanBeforeMs()).isNaN();
    assertThat(d.significant()).isFalse();
    assertThat(d.usesCandidate()).isTrue();
    assertThat(d.explainBeforeMs()).isEqualTo(90.7);
    assertThat(rule.worthTiming(false, deltas)).isTrue();
    // nothing timed, nothing decided on JMH: an EXPLAIN gain alone is not accepted
    assertThat(rule.decide(false, null, null, deltas, 0, Map.of()).accepted()).isFalse();
  }

  @Test
  void jmhTimesOnlyTheRoutesWhoseFigureCouldChangeTheDecision() {
    // uses it with the EXPLAIN gain: JMH must confirm
    assertThat(rule.timingCanDecide(false, explainOnly("users_delete", 65, 1.2, 3_000, 20, true)))
        .isTrue();
    // uses it, EXPLAIN 5% faster: no JMH figure could make that a gain, nor a regression
    assertThat(rule.timingCanDecide(false, explainOnly("search", 10, 9.5, 500, 490, true)))
        .isFalse();
    // a route that neither uses nor writes it cannot have changed, whatever EXPLAIN says
    assertThat(rule.timingCanDecide(false, explainOnly("other", 10, 2, 500, 50, false))).isFalse();
    // writes the indexed table at a cost under the floor: neither gain nor regression possible
    assertThat(rule.timingCanDecide(false, writer("song_add", 0.30, 0.32, 10, 13))).isFalse();
    // writes it and EXPLAIN shows the work grew: a regression is for JMH to confirm
    assertThat(rule.timingCanDecide(false, writer("song_add", 5, 9, 100, 300))).isTrue();
    // a drop is timed everywhere: the writes it speeds up may not show in EXPLAIN
    assertThat(rule.timingCanDecide(true, writer("song_add", 0.30, 0.29, 13, 10))).isTrue();
  }

  @Test
  void aRouteExplainTimeIsTheMedianOfItsDrawTotals() {
    RunResults.RouteResult r =
        new RunResults.RouteResult(
            "users_delete",
            "POST /users/delete",
            "users_delete.sql",
            1.0,
            true,
            null,
            List.of(statement(5, 10, "x"), statement(50, 10, "y")),
            null,
            null,
            new RunResults.Draws(List.of(60.0, 40.0, 55.0, 70.0, 52.0), 4, Map.of("id", "872")),
            null);

    assertThat(RouteDeltas.explainMs(r)).isEqualTo(55.0);
  }

  private static RouteDelta explainOnly(
      String route,
      double before,
      double after,
      long buffersBefore,
      long buffersAfter,
      boolean uses) {
    return new RouteDelta(
        route,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        before,
        after,
        buffersBefore,
        buffersAfter,
        0,
        0,
        false,
        uses,
        null,
        null,
        null,
        -1,
        -1);
  }

  private static RunResults.StatementCapture statement(double ms, long buffers, String index) {
    return new RunResults.StatementCapture(
        0,
        "delete the user",
        "DELETE FROM users WHERE id = $1",
        ms,
        ms,
        ms,
        0.1,
        buffers,
        0,
        0,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(index),
        List.of(),
        null,
        0,
        -1);
  }

  private static RunResults.RouteResult route(String id, RunResults.StatementCapture s) {
    return new RunResults.RouteResult(
        id, id, id + ".sql", 1.0, true, null, List.of(s), null, null, null, null);
  }
}
