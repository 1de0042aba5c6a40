package dev.indexlab.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.results.ColumnRoles.SortKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnRolesTest {
  private static final SortKey EMPLOYEE = new SortKey("employee_id", false);
  private static final SortKey DATE = new SortKey("order_date", false);
  private static final SortKey DATE_DESC = new SortKey("order_date", true);

  @Test
  void withoutASortTheIndexHasTheEqualityColumnsThenTheRangeColumns() {
    ColumnRoles r = new ColumnRoles(List.of("employee_id"), List.of("order_date"), null, null);
    assertThat(r.indexOrder()).containsExactly(EMPLOYEE, DATE);
    assertThat(r.indexColumns()).containsExactly("employee_id", "order_date");
  }

  @Test
  void aRangeOnTheSortKeyIsServedByTheKeyInTheSortsDirection() {
    ColumnRoles r =
        new ColumnRoles(List.of("employee_id"), List.of("order_date"), List.of(DATE_DESC), null);
    assertThat(r.indexOrder()).containsExactly(EMPLOYEE, DATE_DESC);
  }

  @Test
  void aRangeOnAnotherColumnGoesAfterTheSortKeysSoTheIndexStillReturnsRowsInOrder() {
    ColumnRoles r =
        new ColumnRoles(
            List.of("employee_id"), List.of("amount"), List.of(DATE_DESC), List.of("note"));
    assertThat(r.indexOrder()).containsExactly(EMPLOYEE, DATE_DESC, new SortKey("amount", false));
  }

  @Test
  void aSortKeyAnEqualityFixesIsNotRepeated() {
    ColumnRoles r =
        new ColumnRoles(
            List.of("user_id"), null, List.of(new SortKey("user_id", false), DATE), null);
    assertThat(r.indexColumns()).containsExactly("user_id", "order_date");
  }

  @Test
  void patternColumnsAreNoBtreeKeys() {
    assertThat(new ColumnRoles(null, null, null, List.of("title")).indexOrder()).isEmpty();
  }

  @Test
  void rangeColumnsThatAreAlsoEqualitiesAndRepeatsAreDropped() {
    ColumnRoles r = new ColumnRoles(List.of("a", "a"), List.of("a", "b", "b"), null, null);
    assertThat(r.equality()).containsExactly("a");
    assertThat(r.range()).containsExactly("b");
    assertThat(r.plus(new ColumnRoles(List.of("b"), null, null, null)).indexColumns())
        .containsExactly("a", "b");
    assertThat(r.retain(c -> !c.equals("a")).indexColumns()).containsExactly("b");
  }
}
