package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionColumnsTest {
  @Test
  void readsColumnsOfSimpleAndCombinedConditions() {
    assertThat(ConditionColumns.of("(user_id = 300)", null)).containsExactly("user_id");
    assertThat(ConditionColumns.of("(id = $1)", null)).containsExactly("id");
    assertThat(
            ConditionColumns.of(
                "((status = 'open'::text) AND (amount < '3'::numeric) AND (user_id IS NOT NULL))",
                null))
        .containsExactly("status", "amount", "user_id");
    assertThat(ConditionColumns.of("(\"Region\" = 'north'::text)", null)).containsExactly("Region");
    assertThat(ConditionColumns.of("((\"Odd \"\"Name\"\"\")::text = 'x'::text)", null))
        .containsExactly("Odd \"Name\"");
  }

  @Test
  void skipsCastsLiteralsFunctionsAndSubPlans() {
    assertThat(
            ConditionColumns.of(
                "((created_at > '2024-01-01 00:00:00+00'::timestamp with time zone)"
                    + " AND (lower(name) = 'x'::character varying(20)))",
                null))
        .containsExactly("created_at", "name");
    assertThat(ConditionColumns.of("(amount = (InitPlan 1).col1)", null)).containsExactly("amount");
    assertThat(ConditionColumns.of("(NOT (hashed SubPlan 1))", null)).isEmpty();
    assertThat(ConditionColumns.of("(id = ANY ('{1,2,3}'::bigint[]))", null)).containsExactly("id");
    assertThat(ConditionColumns.of("(note ~~ E'%\\\\d%'::text)", null)).containsExactly("note");
    assertThat(ConditionColumns.of("((name)::text = 'a'::text COLLATE \"C\")", null))
        .containsExactly("name");
  }

  @Test
  void keepsOnlyTheAliasesColumnsWhenQualified() {
    String cond = "((o.customer_id = c.id) AND (o.amount > c.limit_amount))";
    assertThat(ConditionColumns.of(cond, "o")).containsExactly("customer_id", "amount");
    assertThat(ConditionColumns.of(cond, "c")).containsExactly("id", "limit_amount");
    assertThat(ConditionColumns.firstQualifier(cond)).isEqualTo("o");
    assertThat(ConditionColumns.of("sh.created_at DESC", "sh")).containsExactly("created_at");
  }
}
