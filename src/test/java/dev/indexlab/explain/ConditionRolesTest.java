package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.results.ColumnRoles;
import dev.indexlab.results.ColumnRoles.SortKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionRolesTest {
  private static ColumnRoles roles(String condition) {
    return ConditionRoles.of(condition, null);
  }

  @Test
  void equalityComesFromEqualsWhereverThePlanPrintsItAndRangeFromTheBounds() {
    ColumnRoles r =
        roles(
            "((order_date >= '2024-03-01'::date) AND (order_date < '2024-04-01'::date)"
                + " AND (employee_id = 7))");
    assertThat(r.equality()).containsExactly("employee_id");
    assertThat(r.range()).containsExactly("order_date");
    assertThat(r.pattern()).isEmpty();
  }

  @Test
  void aColumnOnTheRightCountsTheSameWay() {
    assertThat(roles("($1 = user_id)").equality()).containsExactly("user_id");
    assertThat(roles("('2024-01-01'::date <= order_date)").range()).containsExactly("order_date");
  }

  @Test
  void anyListsIsNullCastsAndOtherRelationsValuesAreEquality() {
    assertThat(roles("(id = ANY ('{1,2,3}'::bigint[]))").equality()).containsExactly("id");
    assertThat(roles("(deleted_at IS NULL)").equality()).containsExactly("deleted_at");
    assertThat(roles("((name)::text = 'a'::text)").equality()).containsExactly("name");
    assertThat(roles("(amount = (InitPlan 1).col1)").equality()).containsExactly("amount");
    ColumnRoles inner = ConditionRoles.of("((s.id = h.song_id) AND (s.year > 2000))", "s");
    assertThat(inner.equality()).containsExactly("id");
    assertThat(inner.range()).containsExactly("year");
    assertThat(ConditionRoles.of("((s.id = h.song_id) AND (s.year > 2000))", "h").equality())
        .containsExactly("song_id");
  }

  @Test
  void orsFunctionsNegationsAndColumnToColumnComparisonsGiveNoBtreeRole() {
    assertThat(roles("((a = 1) OR (b = 2))").isEmpty()).isTrue();
    assertThat(roles("(lower(email) = 'x'::text)").isEmpty()).isTrue();
    assertThat(roles("(id <> (InitPlan 3).col1)").isEmpty()).isTrue();
    assertThat(roles("(user_id IS NOT NULL)").isEmpty()).isTrue();
    assertThat(roles("(((customer_id % 2) = 0) AND ((id % '2'::bigint) = 0))").isEmpty()).isTrue();
    assertThat(roles("(created_at > updated_at)").isEmpty()).isTrue();
    assertThat(roles("(NOT (hashed SubPlan 1))").isEmpty()).isTrue();
  }

  @Test
  void likeAndIlikeArePatternsEvenUnderAnOr() {
    ColumnRoles r = roles("((song_name ~~ '%12%'::text) OR (artist ~~* 'artist 1%'::text))");
    assertThat(r.pattern()).containsExactly("song_name", "artist");
    assertThat(r.equality()).isEmpty();
    assertThat(roles("((title)::text !~~ '%x%'::text)").isEmpty()).isTrue();
  }

  @Test
  void quotedNamesAndLiteralsThatLookLikeOperatorsAreReadAsSuch() {
    ColumnRoles r = roles("((\"Region\" = 'a AND b >= c'::text) AND (\"Odd \"\"Name\"\"\" < 3))");
    assertThat(r.equality()).containsExactly("Region");
    assertThat(r.range()).containsExactly("Odd \"Name\"");
  }

  @Test
  void aColumnBothComparedAndBoundedIsAnEqualityColumn() {
    ColumnRoles r = roles("((a = 1) AND (a > 0) AND (b < 5))");
    assertThat(r.equality()).containsExactly("a");
    assertThat(r.range()).containsExactly("b");
  }

  @Test
  void sortKeysKeepTheirDirectionAndOnlyTheAliasesBareColumns() {
    assertThat(
            ConditionRoles.sortKeys(
                List.of("h.created_at DESC", "h.id", "s.title", "(sum(amount)) DESC"), "h"))
        .containsExactly(new SortKey("created_at", true), new SortKey("id", false));
    assertThat(ConditionRoles.sortKeys(List.of("amount DESC NULLS LAST"), "orders"))
        .containsExactly(new SortKey("amount", true));
  }
}
