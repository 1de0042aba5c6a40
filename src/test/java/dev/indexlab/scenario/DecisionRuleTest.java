package dev.indexlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.scenario.RunResults.RouteDelta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionRuleTest {
  private final DecisionRule rule = new DecisionRule(0.20, 0.10, 0.0, Long.MAX_VALUE);

  private static RouteDelta delta(
      String route, double before, double after, boolean significant, boolean uses) {
    return new RouteDelta(
        route,
        before,
        after,
        before,
        after,
        before,
        after,
        100,
        10,
        0,
        0,
        false,
        uses,
        significant);
  }

  /** A route that writes the indexed table: its slowdown is the candidate's write overhead. */
  private static RouteDelta writer(String route, double before, double after) {
    return new RouteDelta(
        route, before, after, before, after, before, after, 10, 14, 0, 0, true, false, true);
  }

  @Test
  void acceptsASignificantImprovementTheplannerUses() {
    var d =
        rule.decide(
            false,
            null,
            null,
            List.of(delta("users_delete", 65, 1.2, true, true)),
            1 << 20,
            Map.of("users_delete", 2.0));
    assertThat(d.accepted()).isTrue();
    assertThat(d.reason()).startsWith("users_delete 98% faster");
    assertThat(d.weightedMsSavedPerMinute())
        .isEqualTo(2 * (65 - 1.2), org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void rejectsWhenUnusedTooSmallAGainARegressionAFailureOrOverBudget() {
    assertThat(
            rule.decide(false, null, null, List.of(delta("a", 10, 2, true, false)), 0, Map.of())
                .reason())
        .contains("did not use it");
    assertThat(
            rule.decide(
                    false,
                    null,
                    null,
                    List.of(
                        new RouteDelta(
                            "a", 10, 9.5, 10, 9.5, 10, 9.5, 10, 9, 0, 0, false, true, true)),
                    0,
                    Map.of())
                .reason())
        .contains("no route improved by 20%");
    var regress =
        rule.decide(
            false,
            null,
            null,
            List.of(delta("a", 10, 1, true, true), writer("song_play", 1.0, 1.5)),
            0,
            Map.of());
    assertThat(regress.accepted()).isFalse();
    assertThat(regress.reason()).startsWith("song_play got 50% slower");
    assertThat(
            rule.decide(
                    false,
                    "V1000__x.sql: column \"nope\" does not exist",
                    null,
                    List.of(),
                    0,
                    Map.of())
                .reason())
        .startsWith("its migration failed");
    assertThat(
            rule.decide(
                    false,
                    null,
                    "statement 3 returned [1] originally but [2] rewritten",
                    List.of(),
                    0,
                    Map.of())
                .reason())
        .startsWith("the rewrite is not equivalent");
    assertThat(
            new DecisionRule(0.2, 0.1, 1000)
                .decide(false, null, null, List.of(delta("a", 10, 1, true, true)), 5000, Map.of())
                .accepted())
        .isFalse();
  }

  @Test
  void anInsignificantSlowdownIsNotARegression() {
    var d =
        rule.decide(
            false,
            null,
            null,
            List.of(delta("a", 10, 1, true, true), delta("b", 1.0, 1.5, false, false)),
            0,
            Map.of());
    assertThat(d.accepted()).isTrue();
  }

  @Test
  void aJmhSlowdownThatExplainDoesNotConfirmIsDrift() {
    RouteDelta drift =
        new RouteDelta(
            "song_play", 0.5, 1.0, 0.5, 1.0, 0.40, 0.41, 10, 11, 0, 0, true, false, true);
    var d =
        rule.decide(false, null, null, List.of(delta("a", 10, 1, true, true), drift), 0, Map.of());
    assertThat(d.accepted()).isTrue();
  }

  /** Measured under a load spike: JMH and EXPLAIN both slower, the plan reads fewer pages. */
  @Test
  void aSlowdownWithoutMoreBuffersIsTheMachineNotTheIndex() {
    RouteDelta spike =
        new RouteDelta(
            "playlist_play",
            119.7,
            193.6,
            150,
            240,
            120.0,
            190.0,
            6_000,
            5_990,
            0,
            0,
            true,
            true,
            true);
    var d =
        rule.decide(
            false,
            null,
            null,
            List.of(delta("users_delete", 10, 1, true, true), spike),
            0,
            Map.of());
    assertThat(d.accepted()).isTrue();
    assertThat(d.weightedMsSavedPerMinute())
        .isEqualTo(9, org.assertj.core.data.Offset.offset(1e-9));
  }

  /**
   * Delete song with an index on users_playlist_position: a few more buffers for its index updates
   * (3,000 → 3,012), EXPLAIN and JMH slower under a busy machine. Within the margin: no regression.
   */
  @Test
  void aFewMoreBuffersOnALongStatementDoNotConfirmASlowdown() {
    RouteDelta busy =
        new RouteDelta(
            "song_remove",
            90.7,
            132.1,
            120,
            160,
            81.2,
            120.0,
            3_000,
            3_012,
            0,
            0,
            true,
            true,
            true);
    var d =
        rule.decide(
            false,
            null,
            null,
            List.of(delta("playlist_play", 10, 1, true, true), busy),
            0,
            Map.of());
    assertThat(d.accepted()).isTrue();
  }

  /** JMH 26% faster while EXPLAIN takes 2.5 times as long: the two disagree, no gain. */
  @Test
  void aJmhGainThatExplainContradictsIsNoImprovement() {
    RouteDelta search =
        new RouteDelta(
            "song_search", 2.071, 1.541, 3, 2, 0.529, 1.323, 40, 30, 0, 0, false, true, true);
    assertThat(rule.decide(false, null, null, List.of(search), 0, Map.of()).accepted()).isFalse();
  }

  /** EXPLAIN 30% faster with fewer buffers, JMH a little slower: not a gain to accept on. */
  @Test
  void anExplainGainThatJmhContradictsIsNoImprovement() {
    RouteDelta explainOnly =
        new RouteDelta(
            "playlist_play",
            162.3,
            170.0,
            200,
            210,
            255.0,
            177.8,
            9_000,
            8_000,
            0,
            0,
            false,
            true,
            false);
    var d = rule.decide(false, null, null, List.of(explainOnly), 0, Map.of());
    assertThat(d.accepted()).isFalse();
    assertThat(d.reason()).startsWith("no route improved by 20%");
    RouteDelta agreeing =
        new RouteDelta(
            "playlist_play",
            162.3,
            150.0,
            200,
            190,
            255.0,
            177.8,
            9_000,
            8_000,
            0,
            0,
            false,
            true,
            false);
    assertThat(rule.decide(false, null, null, List.of(agreeing), 0, Map.of()).accepted()).isTrue();
  }

  @Test
  void aSmallAbsoluteWriteOverheadIsReportedNotBlocking() {
    DecisionRule withFloor = DecisionRule.defaults();
    RouteDelta insert =
        new RouteDelta(
            "playlist_songs_add", 0.30, 0.47, 0.3, 0.5, 0.08, 0.12, 5, 7, 0, 0, true, false, true);
    var d =
        withFloor.decide(
            false,
            null,
            null,
            List.of(delta("playlist_play", 300, 1, true, true), insert),
            0,
            Map.of());
    assertThat(d.accepted()).isTrue();
    var net =
        withFloor.decide(
            false,
            null,
            null,
            List.of(delta("rare", 10, 7, true, true), writer("hot", 1.0, 1.4)),
            0,
            Map.of("rare", 1.0, "hot", 100.0));
    assertThat(net.accepted()).isFalse();
    assertThat(net.reason()).startsWith("the weighted workload got slower");
  }

  @Test
  void onlyRoutesThatUseTheIndexOrWriteItsTableCount() {
    DecisionRule r = DecisionRule.defaults();
    RouteDelta unrelatedFaster = delta("song_add", 0.97, 0.17, true, false);
    assertThat(
            r.decide(
                    false,
                    null,
                    null,
                    List.of(unrelatedFaster, delta("song_play", 5, 4.9, true, true)),
                    0,
                    Map.of())
                .accepted())
        .isFalse();
    RouteDelta unrelatedDrift = delta("playlist_play", 200, 450, true, false);
    var d =
        r.decide(
            false,
            null,
            null,
            List.of(delta("song_remove", 120, 3, true, true), unrelatedDrift),
            0,
            Map.of());
    assertThat(d.accepted()).isTrue();
    assertThat(d.weightedMsSavedPerMinute())
        .isEqualTo(117, org.assertj.core.data.Offset.offset(1e-9));
  }

  /** JMH 50% faster while EXPLAIN's median is flat: not work the plans stopped doing. */
  @Test
  void aJmhGainThatExplainDoesNotShowIsNoImprovement() {
    RouteDelta jmhOnly =
        new RouteDelta("song_play", 10, 5, 12, 6, 4.0, 3.9, 100, 95, 0, 0, false, true, true);
    var d = rule.decide(false, null, null, List.of(jmhOnly), 0, Map.of());
    assertThat(d.accepted()).isFalse();
    assertThat(d.reason()).startsWith("no route improved by 20% or more in EXPLAIN");
  }

  @Test
  void onlyAnExplainGainOnARouteThatUsesTheCandidateIsWorthTiming() {
    RouteDelta gain = explainOnly("users_delete", 90.7, 1.5, 3_000, 20, true);
    RouteDelta gainUnused = explainOnly("users_delete", 90.7, 1.5, 3_000, 20, false);
    RouteDelta small = explainOnly("song_remove", 120, 110, 3_000, 2_900, true);
    RouteDelta moreBuffers = explainOnly("mood_refresh", 90, 10, 3_000, 3_100, true);
    assertThat(rule.worthTiming(false, List.of(small, gain))).isTrue();
    assertThat(rule.worthTiming(false, List.of(small, gainUnused, moreBuffers))).isFalse();
    assertThat(rule.worthTiming(true, List.of(small))).isTrue();
    assertThat(rule.untimed(List.of(small)).reason())
        .isEqualTo(
            "no route that uses it got 20% faster in EXPLAIN with fewer shared buffers"
                + " (not timed under JMH)");
    assertThat(rule.untimed(List.of(gainUnused)).reason())
        .isEqualTo("the planner did not use it for any affected route");
    assertThat(rule.untimed(List.of(small)).accepted()).isFalse();
  }

  /** Not timed: a slowdown EXPLAIN shows with more buffers is a regression, and is named. */
  @Test
  void anUntimedSlowdownIsJudgedOnExplainAndNamedInTheReason() {
    RouteDelta slower = explainOnly("playlist_play", 165, 2_400, 2_700, 90_000, true);
    RouteDelta fewerBuffers = explainOnly("song_play", 6, 11, 1_300, 1_200, true);
    RouteDelta small = explainOnly("song_add", 0.2, 0.3, 16, 18, false);
    DecisionRule withFloor = DecisionRule.defaults();
    assertThat(withFloor.regressions(false, List.of(slower, fewerBuffers, small)))
        .extracting(RouteDelta::route)
        .containsExactly("playlist_play");
    assertThat(withFloor.untimed(List.of(slower, fewerBuffers, small)).reason())
        .endsWith(
            "(not timed under JMH); EXPLAIN of playlist_play rose from 165.000 to 2400.000 ms,"
                + " with more shared buffers");
    assertThat(withFloor.untimed(List.of(fewerBuffers)).reason()).endsWith("(not timed under JMH)");
  }

  @Test
  void explainDeltasCarryNoJmhFigures() {
    RunResults.StatementCapture before = statement(90.7, 3_000, "users_pkey");
    RunResults.StatementCapture after = statement(1.5, 20, "song_history_user_id_idx");
    var deltas =
        rule.explainDeltas(
            Map.of("users_delete", route("users_delete", before)),
            Map.of("users_delete", route("users_delete", after), "other", route("other", after)),
            List.of(),
            List.of("public.song_history_user_id_idx"));
    assertThat(deltas).hasSize(1);
    RouteDelta d = deltas.get(0);
    assertThat(d.meanBeforeMs()).isNaN();
    assertThat(d.meanAfterMs()).isNaN();
    assertThat(d.significant()).isFalse();
    assertThat(d.usesCandidate()).isTrue();
    assertThat(d.explainBeforeMs()).isEqualTo(90.7);
    assertThat(d.buffersAfter()).isEqualTo(20);
    assertThat(rule.worthTiming(false, deltas)).isTrue();
    // nothing timed, nothing decided on JMH: an EXPLAIN gain alone is not accepted
    assertThat(rule.decide(false, null, null, deltas, 0, Map.of()).accepted()).isFalse();
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
        false);
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
        0);
  }

  private static RunResults.RouteResult route(String id, RunResults.StatementCapture s) {
    return new RunResults.RouteResult(id, id, id + ".sql", 1.0, true, null, List.of(s), null, null);
  }
}
