package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferentialStatementTest {
  private static ForeignKeyTrigger fk(ReferentialAction action, List<String> setColumns) {
    return new ForeignKeyTrigger(
        "song_history_user_id_fkey",
        action,
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
        setColumns);
  }

  @Test
  void cascadeDeleteDeletesTheReferencingRows() {
    ReferentialStatement s =
        ReferentialStatement.derive(fk(ReferentialAction.DELETE_CASCADE, List.of()));
    assertThat(s.jdbcSql())
        .isEqualTo("DELETE FROM ONLY \"public\".\"song_history\" WHERE \"user_id\" = ?::bigint");
    assertThat(s.numberedSql())
        .isEqualTo("DELETE FROM ONLY \"public\".\"song_history\" WHERE \"user_id\" = $1::bigint");
    assertThat(s.bindings()).containsExactly(new ReferentialStatement.Binding("id", true));
  }

  @Test
  void setNullAndSetDefaultUpdateTheReferencingColumns() {
    assertThat(
            ReferentialStatement.derive(fk(ReferentialAction.DELETE_SET_NULL, List.of())).jdbcSql())
        .isEqualTo(
            "UPDATE ONLY \"public\".\"song_history\" SET \"user_id\" = NULL"
                + " WHERE \"user_id\" = ?::bigint");
    assertThat(
            ReferentialStatement.derive(fk(ReferentialAction.DELETE_SET_DEFAULT, List.of()))
                .jdbcSql())
        .isEqualTo(
            "UPDATE ONLY \"public\".\"song_history\" SET \"user_id\" = DEFAULT"
                + " WHERE \"user_id\" = ?::bigint");
  }

  @Test
  void noActionAndRestrictLockAReferencingRow() {
    assertThat(
            ReferentialStatement.derive(fk(ReferentialAction.DELETE_NO_ACTION, List.of()))
                .jdbcSql())
        .isEqualTo(
            "SELECT 1 FROM ONLY \"public\".\"song_history\" x WHERE \"user_id\" = ?::bigint"
                + " FOR KEY SHARE OF x");
  }

  @Test
  void cascadeUpdateSetsTheNewKeyWhereTheOldOneWas() {
    ReferentialStatement s =
        ReferentialStatement.derive(fk(ReferentialAction.UPDATE_CASCADE, List.of()));
    assertThat(s.jdbcSql())
        .isEqualTo(
            "UPDATE ONLY \"public\".\"song_history\" SET \"user_id\" = ?::bigint"
                + " WHERE \"user_id\" = ?::bigint");
    assertThat(s.bindings())
        .containsExactly(
            new ReferentialStatement.Binding("id", false),
            new ReferentialStatement.Binding("id", true));
  }

  @Test
  void checksLookUpTheReferencedRowWithTheNewForeignKey() {
    ReferentialStatement s =
        ReferentialStatement.derive(fk(ReferentialAction.INSERT_CHECK, List.of()));
    assertThat(s.jdbcSql())
        .isEqualTo(
            "SELECT 1 FROM ONLY \"public\".\"users\" x WHERE \"id\" = ?::bigint FOR KEY SHARE OF x");
    assertThat(s.bindings()).containsExactly(new ReferentialStatement.Binding("user_id", false));
  }

  @Test
  void multiColumnQuotedPartitionedKeys() {
    ForeignKeyTrigger k =
        new ForeignKeyTrigger(
            "OrderLine_fk",
            ReferentialAction.DELETE_SET_NULL,
            "Shop",
            "Order Line",
            true,
            List.of("Region", "order id"),
            List.of("text", "integer"),
            "Shop",
            "Order",
            false,
            List.of("region", "id"),
            List.of("text", "integer"),
            List.of("order id"));
    assertThat(ReferentialStatement.derive(k).jdbcSql())
        .isEqualTo(
            "UPDATE \"Shop\".\"Order Line\" SET \"order id\" = NULL"
                + " WHERE \"Region\" = ?::text AND \"order id\" = ?::integer");
  }

  @Test
  void actionsKnowTheirTriggerFunctions() {
    assertThat(ReferentialAction.ofFunction("RI_FKey_cascade_del"))
        .isEqualTo(ReferentialAction.DELETE_CASCADE);
    assertThat(ReferentialAction.ofFunction("RI_FKey_setnull_del").label())
        .isEqualTo("ON DELETE SET NULL");
    assertThat(ReferentialAction.ofFunction("my_trigger_fn")).isNull();
    assertThat(ReferentialAction.INSERT_CHECK.onReferencedTable()).isFalse();
  }
}
