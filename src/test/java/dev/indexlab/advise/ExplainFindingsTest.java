package dev.indexlab.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.results.ColumnRoles;
import dev.indexlab.results.Finding;
import dev.indexlab.results.FindingKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The one mapping from the explain step's findings to the advisor's input, and what it leads to.
 */
class ExplainFindingsTest {
  static Catalog orders() {
    return new Catalog(List.of(AdviceFromFindingsFileTest.ORDERS), List.of(), List.of(), Map.of());
  }

  @Test
  void aSeqScanWithEqualityAndRangeBecomesAnIndexLeadingWithTheEqualityColumn() throws Exception {
    List<PlanFinding> input =
        ExplainFindings.of(AdviceFromFindingsFileTest.findingsOf("seq-scan-equality-range"));
    assertThat(input)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(FindingKind.SEQ_SCAN_REMOVES_MOST_ROWS);
              assertThat(f.table()).isEqualTo("orders");
              assertThat(f.route()).isEqualTo("by_employee");
              assertThat(f.statement()).isZero();
              assertThat(f.equalityColumns()).containsExactly("employee_id");
              assertThat(f.rangeColumns()).containsExactly("order_date");
              assertThat(f.numbers()).containsEntry("rowsRemoved", 4993.0);
            });
    Candidate c = Advising.advise(orders(), input, Optional.empty()).candidates().get(0);
    assertThat(c.statements().get(0)).endsWith("(employee_id, order_date)");
  }

  @Test
  void aLimitOverASortKeepsTheSortDirectionAndTheRangeOnTheSortKey() throws Exception {
    List<Finding> findings = AdviceFromFindingsFileTest.findingsOf("sort-limit-equality-range");
    List<PlanFinding> input =
        ExplainFindings.of(findings).stream()
            .filter(f -> f.kind() == FindingKind.FILTER_ORDER_LIMIT)
            .toList();
    assertThat(input)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.equalityColumns()).containsExactly("employee_id");
              assertThat(f.rangeColumns()).containsExactly("order_date");
              assertThat(f.sortKeys()).containsExactly(new IndexKey("order_date", true, null));
            });
    Candidate c = Advising.advise(orders(), input, Optional.empty()).candidates().get(0);
    assertThat(c.statements().get(0)).endsWith("(employee_id, order_date DESC)");
  }

  @Test
  void underALimitARangeOnAnotherColumnFollowsTheSortKeys() {
    PlanFinding f =
        new PlanFinding(
            FindingKind.FILTER_ORDER_LIMIT,
            "public",
            "orders",
            new ColumnRoles(
                List.of("employee_id"),
                List.of("amount"),
                List.of(new ColumnRoles.SortKey("order_date", true)),
                List.of()),
            "by_employee",
            0,
            "/0/Plan",
            null,
            Map.of());
    Candidate c = Advising.advise(orders(), List.of(f), Optional.empty()).candidates().get(0);
    assertThat(c.statements().get(0)).endsWith("(employee_id, order_date DESC, amount)");
    assertThat(c.reasons().get(0).comment())
        .contains("filtered on employee_id = ?, a range of amount are sorted by order_date DESC");
  }

  @Test
  void kindsTheAdvisorDoesNotActOnKeepTheirKindAndProposeNothing() throws Exception {
    List<Finding> spill = AdviceFromFindingsFileTest.findingsOf("external-sort");
    assertThat(spill).isNotEmpty();
    List<PlanFinding> mapped = ExplainFindings.of(spill);
    assertThat(mapped).extracting(PlanFinding::kind).containsOnly(FindingKind.SPILL_TO_DISK);
    assertThat(Advising.advise(orders(), mapped, Optional.empty()).candidates()).isEmpty();
  }
}
