package dev.indexlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.explain.RouteCapture;
import dev.indexlab.results.RunResults;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetimedRoutesTest {
  private static RunResults.StatementCapture statement(List<String> nodes, List<String> indexes) {
    return new RunResults.StatementCapture(
        0,
        "read",
        "SELECT 1",
        1.0,
        1.0,
        1.0,
        0.1,
        10,
        0,
        0,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        indexes,
        nodes,
        null,
        0,
        -1);
  }

  @Test
  void theSamePlansMeanTheSameNodesAndIndexesForEveryStatement() {
    var seq = statement(List.of("Seq Scan on public.songs"), List.of());
    var idx = statement(List.of("Index Scan on public.songs"), List.of("songs_pkey"));
    var idxOther = statement(List.of("Index Scan on public.songs"), List.of("songs_name_idx"));
    assertThat(RetimedRoutes.samePlans(List.of(seq, idx), List.of(seq, idx))).isTrue();
    assertThat(RetimedRoutes.samePlans(List.of(seq), List.of(idx))).isFalse();
    assertThat(RetimedRoutes.samePlans(List.of(idx), List.of(idxOther))).isFalse();
    assertThat(RetimedRoutes.samePlans(List.of(seq, idx), List.of(seq))).isFalse();
    assertThat(RetimedRoutes.samePlans(null, List.of(seq))).isFalse();
  }

  private static RunResults.RouteResult route(
      String id, RunResults.StatementCapture s, boolean timed) {
    RunResults.Timing t =
        timed ? new RunResults.Timing(1, 0.1, 1, 1, 1, 1, 1, 100, List.of(), null, null) : null;
    return new RunResults.RouteResult(
        id, id, id + ".sql", 1, false, t, List.of(s), null, null, null, null);
  }

  private static RouteCapture.Result capture(RunResults.StatementCapture s) {
    return new RouteCapture.Result(List.of(s), null, 5, null);
  }

  /**
   * Of five routes: one reads the changed table, one is rewritten, one's plan changed, one had no
   * baseline timing; only the fifth, reading another table with the same plan, keeps its timing.
   */
  @Test
  void onlyARouteWithTheSamePlanOnUnchangedTablesKeepsItsTiming() {
    var songs = statement(List.of("Seq Scan on public.songs"), List.of());
    var songsByIndex = statement(List.of("Index Scan on public.songs"), List.of("songs_pkey"));
    var users = statement(List.of("Seq Scan on public.users"), List.of());
    var ads = statement(List.of("Seq Scan on public.ad_campaigns"), List.of());
    RunResults.ScenarioResult baseline =
        new RunResults.ScenarioResult(
            "baseline",
            List.of(),
            List.of(
                route("reads_songs", songs, true),
                route("rewritten", users, true),
                route("plan_changed", users, true),
                route("untimed", users, false),
                route("unchanged", ads, true)),
            List.of());
    Evaluation run =
        new Evaluation(null, null, null, baseline, Map.of(), Map.of(), null, new Phases());
    List<String> timed =
        RetimedRoutes.select(
            run,
            List.of("reads_songs", "rewritten", "plan_changed", "untimed", "unchanged"),
            Set.of("rewritten"),
            List.of("public.songs"),
            Map.of(
                "reads_songs", capture(songs),
                "rewritten", capture(users),
                "plan_changed", capture(songsByIndex),
                "untimed", capture(users),
                "unchanged", capture(ads)));
    assertThat(timed).containsExactly("reads_songs", "rewritten", "plan_changed", "untimed");
  }
}
