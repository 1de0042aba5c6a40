package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.results.Finding;
import dev.indexlab.results.FindingKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingDetectorTest {
  private final FindingDetector detector =
      new FindingDetector(FindingThresholds.DEFAULTS, relation -> "public");

  private static List<Finding> ofKind(List<Finding> findings, FindingKind kind) {
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }

  /** The write-up's delete user: the FK trigger takes 99% and its statement scans everything. */
  @Test
  void theWriteUpsDeleteUserYieldsTriggerAndSeqScanFindingsOnSongHistoryUserId() {
    ForeignKeyTrigger fk =
        new ForeignKeyTrigger(
            "song_history_user_id_fkey",
            ReferentialAction.DELETE_CASCADE,
            "public",
            "song_history",
            false,
            List.of("user_id"),
            List.of("bigint"),
            "public",
            "users",
            false,
            List.of("id"),
            List.of("bigint"),
            List.of());
    DrillDown drill =
        new DrillDown(
            "song_history_user_id_fkey",
            "users",
            fk,
            ReferentialStatement.derive(fk).jdbcSql(),
            List.of(300L),
            1,
            Fixtures.plan("writeup-song-history-seq-scan"),
            null,
            List.of());

    List<Finding> findings =
        detector.detect(Fixtures.plan("writeup-delete-user"), List.of(drill), "users_delete", 1);

    List<Finding> trigger = ofKind(findings, FindingKind.TRIGGER_DOMINATES);
    assertThat(trigger).hasSize(1);
    Finding t = trigger.get(0);
    assertThat(t.relation()).isEqualTo("public.song_history");
    assertThat(t.columns()).containsExactly("user_id");
    assertThat(t.routeId()).isEqualTo("users_delete");
    assertThat(t.statementIndex()).isEqualTo(1);
    assertThat(t.drillDown()).isNull();
    assertThat(t.nodePath()).isEqualTo("/0/Triggers/0");
    assertThat(t.numbers().get("shareOfExecution").doubleValue()).isGreaterThan(0.95);
    assertThat(t.message()).contains("song_history_user_id_fkey", "ON DELETE CASCADE");

    List<Finding> scans = ofKind(findings, FindingKind.SEQ_SCAN_REMOVES_MOST_ROWS);
    assertThat(scans).hasSize(1);
    Finding s = scans.get(0);
    assertThat(s.relation()).isEqualTo("public.song_history");
    assertThat(s.schema()).isEqualTo("public");
    assertThat(s.table()).isEqualTo("song_history");
    assertThat(s.columns()).containsExactly("user_id");
    assertThat(s.drillDown()).isEqualTo("song_history_user_id_fkey");
    assertThat(s.nodeType()).isEqualTo("Seq Scan");
    assertThat(s.nodePath()).isEqualTo("/0/Plan/Plans/0");
    assertThat(s.numbers())
        .containsEntry("rowsRemoved", 918892L)
        .containsEntry("rowsReturned", 152L)
        .containsEntry("rowsRead", 919044L);
    assertThat(s.numbers().get("fractionRemoved").doubleValue()).isGreaterThan(0.999);
  }

  @Test
  void withoutADrillDownTheTriggerFindingNamesTheTriggerTable() {
    List<Finding> findings = detector.detect(Fixtures.plan("writeup-delete-user"));
    assertThat(ofKind(findings, FindingKind.TRIGGER_DOMINATES))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.relation()).isEqualTo("public.users");
              assertThat(f.columns()).isEmpty();
            });
  }

  @Test
  void theIndexedPlanHasNoScanFinding() {
    assertThat(detector.detect(Fixtures.plan("writeup-song-history-bitmap"))).isEmpty();
  }

  @Test
  void aLimitOverASortOverAFilteredScanSuggestsFilterThenSortColumns() {
    List<Finding> findings = detector.detect(Fixtures.plan("sort-limit"));
    assertThat(ofKind(findings, FindingKind.FILTER_ORDER_LIMIT))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.relation()).isEqualTo("public.orders");
              assertThat(f.columns()).containsExactly("customer_id", "amount");
              assertThat(f.numbers())
                  .containsEntry("rowsSorted", 17L)
                  .containsEntry("rowsReturned", 3L);
            });
    assertThat(ofKind(findings, FindingKind.SEQ_SCAN_REMOVES_MOST_ROWS))
        .singleElement()
        .satisfies(f -> assertThat(f.columns()).containsExactly("customer_id"));
  }

  /**
   * SongStackify's mood refresh as PostgreSQL 17 planned it at scale 1: Limit, Nested Loop, Gather
   * Merge, then the Sort over a parallel Seq Scan. The Sort is three levels below the Limit.
   */
  @Test
  void aSortBelowANestedLoopAndGatherMergeStillFeedsTheLimit() {
    List<Finding> findings = detector.detect(Fixtures.plan("mood-refresh-gather-merge-sort"));
    assertThat(ofKind(findings, FindingKind.FILTER_ORDER_LIMIT))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.relation()).isEqualTo("public.song_history");
              assertThat(f.columns()).containsExactly("user_id", "created_at");
              assertThat(f.numbers()).containsEntry("rowsReturned", 5L);
            });
  }

  /**
   * The same plan's parallel Seq Scan: 3 loops of 59 rows and 306,288 removed each, 81.9 ms per
   * process in a statement of 96.2 ms. Rows count per loop times loops, as PostgreSQL counts them;
   * the time is the statement's, never 3 × 81.9 ms.
   */
  @Test
  void aParallelScanCountsRowsAsPostgresDoesAndTakesTheStatementsOwnTime() {
    List<Finding> findings = detector.detect(Fixtures.plan("mood-refresh-gather-merge-sort"));
    assertThat(ofKind(findings, FindingKind.SEQ_SCAN_REMOVES_MOST_ROWS))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message())
                  .startsWith(
                      "Parallel Seq Scan on song_history, run by 3 processes (the leader and 2"
                          + " workers), reads about 919,041 rows to return about 177: its Filter"
                          + " (user_id = '677'::bigint) removes about 918,864 (99.98%).")
                  .endsWith("the whole statement takes 96.2 ms (its Execution Time)")
                  .doesNotContain("245.7");
              assertThat(f.numbers())
                  .containsEntry("rowsRead", 919_041L)
                  .containsEntry("rowsReturned", 177L)
                  .containsEntry("loops", 3L)
                  .containsEntry("processes", 3L)
                  .containsEntry("timeMs", 81.915);
            });
  }

  @Test
  void aSeqScanRepeatedInANestedLoopIsFlaggedWithTheJoinColumn() {
    List<Finding> findings = detector.detect(Fixtures.plan("nested-loop-seq-scan"));
    assertThat(ofKind(findings, FindingKind.NESTED_LOOP_SEQ_SCAN))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.relation()).isEqualTo("public.customers");
              assertThat(f.columns()).containsExactly("id");
              assertThat(f.numbers()).containsEntry("loops", 40L);
            });
  }

  @Test
  void aDiskSortIsASpill() {
    assertThat(ofKind(detector.detect(Fixtures.plan("external-sort")), FindingKind.SPILL_TO_DISK))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.nodeType()).isEqualTo("Sort");
              assertThat(f.columns()).containsExactly("note");
              assertThat(f.numbers().get("diskKb").longValue()).isGreaterThanOrEqualTo(296L);
            });
  }

  @Test
  void leadingWildcardsAndIlikeAreFlagged() {
    assertThat(
            ofKind(
                detector.detect(Fixtures.plan("leading-wildcard")),
                FindingKind.LEADING_WILDCARD_LIKE))
        .extracting(f -> f.columns().get(0))
        .containsExactly("song_name", "artist");
  }

  @Test
  void aTenfoldEstimateErrorIsFlaggedWhereItStarts() {
    assertThat(ofKind(detector.detect(Fixtures.plan("estimate-error")), FindingKind.ESTIMATE_ERROR))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.nodeType()).isEqualTo("Seq Scan");
              assertThat(f.columns()).containsExactly("customer_id", "id");
              assertThat(f.numbers())
                  .containsEntry("estimatedRows", 1L)
                  .containsEntry("actualRows", 2500L);
            });
  }

  @Test
  void aWindowOverAWholeTableForOneRow() {
    FindingThresholds small = new FindingThresholds(0.9, 1_000, 0.5, 10, 1_000, 1_000, 10, 10);
    List<Finding> findings =
        new FindingDetector(small, relation -> "public").detect(Fixtures.plan("cte-window"));
    assertThat(ofKind(findings, FindingKind.WHOLE_TABLE_FOR_FEW_ROWS))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.relation()).isEqualTo("public.orders");
              assertThat(f.columns()).containsExactly("customer_id", "id");
              assertThat(f.message()).startsWith("CTE t processes 5,000 rows");
            });
    assertThat(
            ofKind(
                detector.detect(Fixtures.plan("cte-window")), FindingKind.WHOLE_TABLE_FOR_FEW_ROWS))
        .as("5,000 rows are below the default 10,000")
        .isEmpty();
  }
}
