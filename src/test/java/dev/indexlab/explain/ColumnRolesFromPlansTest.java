package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.results.ColumnRoles;
import dev.indexlab.results.ColumnRoles.SortKey;
import dev.indexlab.results.Finding;
import dev.indexlab.results.FindingKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The column roles the explain step's findings carry, from plans PostgreSQL 17 printed (fixtures
 * under src/test/resources/plans): what the advisor builds its index keys from.
 */
class ColumnRolesFromPlansTest {
  private final FindingDetector detector =
      new FindingDetector(FindingThresholds.DEFAULTS, relation -> "public");

  private Finding only(String fixture, FindingKind kind) {
    List<Finding> found =
        detector.detect(Fixtures.plan(fixture)).stream().filter(f -> f.kind() == kind).toList();
    assertThat(found).as(fixture + " " + kind).hasSize(1);
    return found.get(0);
  }

  /**
   * {@code order_date >= '2024-03-01' AND order_date < '2024-04-01' AND employee_id = 7} on a Seq
   * Scan that removes 4,993 of 5,000 rows: the plan prints the range first, the index leads with
   * the equality.
   */
  @Test
  void anEqualityPlusRangeFilterPutsTheEqualityColumnFirst() {
    Finding f = only("seq-scan-equality-range", FindingKind.SEQ_SCAN_REMOVES_MOST_ROWS);
    assertThat(f.roles().equality()).containsExactly("employee_id");
    assertThat(f.roles().range()).containsExactly("order_date");
    assertThat(f.roles().sort()).isEmpty();
    assertThat(f.columns()).containsExactly("employee_id", "order_date");
    assertThat(f.numbers()).containsEntry("rowsRemoved", 4993L);
  }

  /**
   * A Limit over a Sort on {@code order_date DESC} over a Bitmap Heap Scan whose Recheck Cond is
   * {@code employee_id = 7} and whose Filter bounds {@code order_date}: the range is on the sort
   * key, so the index is (employee_id, order_date DESC).
   */
  @Test
  void aLimitOverASortReadsRecheckCondAndFilterAndTheSortKeysDirection() {
    Finding f = only("sort-limit-equality-range", FindingKind.FILTER_ORDER_LIMIT);
    assertThat(f.roles().equality()).containsExactly("employee_id");
    assertThat(f.roles().range()).containsExactly("order_date");
    assertThat(f.roles().sort()).containsExactly(new SortKey("order_date", true));
    assertThat(f.roles().indexOrder())
        .containsExactly(new SortKey("employee_id", false), new SortKey("order_date", true));
    assertThat(f.message()).contains("an index on (employee_id, order_date DESC)");
  }

  @Test
  void theBundledShapesKeepTheirEqualityAndSortColumns() {
    Finding sortLimit = only("sort-limit", FindingKind.FILTER_ORDER_LIMIT);
    assertThat(sortLimit.roles().equality()).containsExactly("customer_id");
    assertThat(sortLimit.roles().sort()).containsExactly(new SortKey("amount", true));

    Finding mood = only("mood-refresh-gather-merge-sort", FindingKind.FILTER_ORDER_LIMIT);
    assertThat(mood.roles().equality()).containsExactly("user_id");
    assertThat(mood.roles().sort()).containsExactly(new SortKey("created_at", true));
    assertThat(mood.roles().range()).isEmpty();

    Finding scan = only("writeup-song-history-seq-scan", FindingKind.SEQ_SCAN_REMOVES_MOST_ROWS);
    assertThat(scan.roles().equality()).containsExactly("user_id");
  }

  @Test
  void leadingWildcardFindingsCarryTheirColumnAsAPattern() {
    List<Finding> like =
        detector.detect(Fixtures.plan("leading-wildcard")).stream()
            .filter(f -> f.kind() == FindingKind.LEADING_WILDCARD_LIKE)
            .toList();
    assertThat(like)
        .extracting(f -> f.roles().pattern())
        .containsExactly(List.of("song_name"), List.of("artist"));
    assertThat(like).allSatisfy(f -> assertThat(f.roles().indexOrder()).isEmpty());
  }

  @Test
  void findingsWithoutAnIndexToProposeHaveNoRoles() {
    assertThat(only("external-sort", FindingKind.SPILL_TO_DISK).roles())
        .isEqualTo(ColumnRoles.NONE);
  }

  @Test
  void rolesSurviveTheFindingsJson() throws Exception {
    List<Finding> findings = detector.detect(Fixtures.plan("sort-limit-equality-range"));
    assertThat(FindingReportTest.readStrictly(FindingReport.json(findings))).isEqualTo(findings);
  }
}
