package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanTextRendererTest {

  /** Each fixture's JSON against the server's text of another execution, times masked. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "seq-scan-filter",
        "sort-limit",
        "bitmap-heap-scan",
        "hash-join",
        "nested-loop-memoize",
        "nested-loop-seq-scan",
        "cte-window",
        "delete-song-cascade",
        "external-sort",
        "initplan-subplan",
        "never-executed",
        "estimate-only",
        "leading-wildcard",
        "insert-fk-check",
        "hash-aggregate",
        "estimate-error",
        "seq-scan-equality-range",
        "sort-limit-equality-range"
      })
  void rendersTheServersTextForCapturedPlans(String name) {
    List<String> rendered = PlanTextRenderer.lines(Fixtures.plan(name));
    assertThat(TimingMask.mask(rendered))
        .containsExactlyElementsOf(TimingMask.mask(Fixtures.serverText(name)));
  }

  @Test
  void rendersTheWriteUpsDeleteUserPlanExactly() {
    assertThat(PlanTextRenderer.lines(Fixtures.plan("writeup-delete-user")))
        .containsExactly(
            "Delete on users  (cost=0.28..8.29 rows=0 width=0)"
                + " (actual time=0.042..0.042 rows=0 loops=1)",
            "  ->  Index Scan using users_pkey on users  (cost=0.28..8.29 rows=1 width=6)"
                + " (actual time=0.027..0.028 rows=1 loops=1)",
            "        Index Cond: (id = 300)",
            "Planning Time: 0.055 ms",
            "Trigger for constraint song_history_user_id_fkey: time=64.876 calls=1",
            "Trigger for constraint users_playlist_position_user_id_fkey: time=0.325 calls=1",
            "Execution Time: 65.261 ms");
  }

  @Test
  void namesTheTriggerTableWhenACascadeFiredTriggersOnAnotherTable() {
    assertThat(PlanTextRenderer.lines(Fixtures.plan("writeup-delete-song")))
        .contains(
            "Trigger for constraint links_song_id_fkey on songs: time=6.414 calls=1",
            "Trigger for constraint users_playlist_position_playlist_song_position_fkey"
                + " on playlist_songs: time=0.458 calls=1");
  }

  @Test
  void rendersBitmapScansWithRecheckAndHeapBlocks() {
    assertThat(PlanTextRenderer.lines(Fixtures.plan("writeup-song-history-bitmap")))
        .containsExactly(
            "Delete on song_history  (cost=10.28..2185.37 rows=0 width=0)"
                + " (actual time=0.607..0.608 rows=0 loops=1)",
            "  ->  Bitmap Heap Scan on song_history  (cost=10.28..2185.37 rows=755 width=6)"
                + " (actual time=0.060..0.526 rows=152 loops=1)",
            "        Recheck Cond: (user_id = 300)",
            "        Heap Blocks: exact=142",
            "        ->  Bitmap Index Scan on song_history_user_id  (cost=0.00..10.09 rows=755"
                + " width=0) (actual time=0.041..0.041 rows=152 loops=1)",
            "              Index Cond: (user_id = 300)",
            "Planning Time: 0.197 ms",
            "Execution Time: 0.650 ms");
  }

  @Test
  void analyzeBuffersOptionsLeaveOutSettingsAndWal() {
    Plan plan = Fixtures.plan("delete-song-cascade");
    assertThat(PlanTextRenderer.render(plan)).contains("Settings: ").contains("WAL: ");
    assertThat(PlanTextRenderer.render(plan, PlanTextRenderer.Options.ANALYZE_BUFFERS))
        .doesNotContain("Settings: ")
        .doesNotContain("WAL: ")
        .contains("Buffers: shared hit=");
  }

  @Test
  void quotesNamesAsTheServerDoes() {
    assertThat(ServerIdentifierQuoting.quote("users")).isEqualTo("users");
    assertThat(ServerIdentifierQuoting.quote("Region")).isEqualTo("\"Region\"");
    assertThat(ServerIdentifierQuoting.quote("order")).isEqualTo("\"order\"");
    assertThat(ServerIdentifierQuoting.quote("name")).isEqualTo("name");
    assertThat(ServerIdentifierQuoting.quote("*VALUES*")).isEqualTo("\"*VALUES*\"");
    assertThat(ServerIdentifierQuoting.quote("a\"b")).isEqualTo("\"a\"\"b\"");
  }

  @Test
  void theMaskHidesTimesOnly() {
    assertThat(
            TimingMask.mask(
                "  ->  Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)"
                    + " (actual time=0.010..0.020 rows=1 loops=1)"))
        .isEqualTo(
            "  ->  Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)"
                + " (actual time=T..T rows=1 loops=1)");
    assertThat(TimingMask.mask("Buffers: shared hit=3 read=2"))
        .isEqualTo("Buffers: shared hit=3 read=2");
  }
}
