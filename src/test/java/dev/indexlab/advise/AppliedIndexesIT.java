package dev.indexlab.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.testing.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the server says a candidate's indexes are once their CREATE INDEX has run: the table,
 * method, keys (directions, operator classes, expressions), INCLUDE list and predicate, for
 * statements the CREATE INDEX text reader gets wrong or cannot read at all.
 */
class AppliedIndexesIT {
  private static ConnectionSpec db;

  @BeforeAll
  static void database() throws Exception {
    db = TestDatabases.empty("applied_indexes");
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA shop");
      st.execute(
          "CREATE TABLE shop.orders (id bigint PRIMARY KEY, employee_id bigint, order_date date,"
              + " \"Code\" text, amount numeric, note text)");
    }
  }

  private static List<IndexSpec> apply(String sql, String... names) throws Exception {
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      st.execute(sql);
      return AppliedIndexes.read(c, List.of(names));
    }
  }

  @Test
  void anUnnamedIndexTheTextReaderCannotReadIsKnownAfterTheApply() throws Exception {
    String sql = "CREATE INDEX ON shop.orders (employee_id, order_date DESC)";
    assertThat(IndexStatementParser.create(sql)).isEmpty();

    List<IndexSpec> made = apply(sql, "shop.orders_employee_id_order_date_idx");
    assertThat(made)
        .containsExactly(
            new IndexSpec(
                "shop",
                "orders",
                "orders_employee_id_order_date_idx",
                "btree",
                List.of(IndexKey.asc("employee_id"), new IndexKey("order_date", true, null))));
  }

  @Test
  void aQuotedPartialIndexKeepsItsOperatorClassIncludeListAndPredicate() throws Exception {
    String sql =
        "CREATE INDEX \"Orders By Code\" ON shop.orders USING btree (\"Code\" text_pattern_ops)"
            + " INCLUDE (amount) WHERE amount > 0";
    // the text reader drops the INCLUDE list and the predicate
    assertThat(IndexStatementParser.create(sql).orElseThrow().include()).isEmpty();

    IndexSpec made = apply(sql, "shop.Orders By Code").get(0);
    assertThat(made.tableKey()).isEqualTo("shop.orders");
    assertThat(made.name()).isEqualTo("Orders By Code");
    assertThat(made.keys()).containsExactly(new IndexKey("Code", false, "text_pattern_ops"));
    assertThat(made.include()).containsExactly("amount");
    assertThat(made.predicate()).isEqualTo("amount > 0::numeric");
    assertThat(made.describe())
        .isEqualTo("orders (Code text_pattern_ops) INCLUDE (amount) WHERE amount > 0::numeric");
  }

  @Test
  void anExpressionKeyIsTheServersTextAndADefaultOperatorClassIsNoneAtAll() throws Exception {
    List<IndexSpec> made =
        apply(
            "CREATE INDEX orders_lower_note ON shop.orders (lower(note));"
                + " CREATE INDEX orders_employee ON shop.orders (employee_id int8_ops)",
            "shop.orders_employee",
            "shop.no_such_index",
            "shop.orders_lower_note");
    assertThat(made)
        .extracting(IndexSpec::name)
        .containsExactly("orders_employee", "orders_lower_note");
    assertThat(made.get(0).keys()).containsExactly(IndexKey.asc("employee_id"));
    assertThat(made.get(1).keys()).containsExactly(IndexKey.asc("lower(note)"));
  }

  @Test
  void aPartialIndexServesNoLookupOutsideItsPredicate() throws Exception {
    List<IndexSpec> made =
        apply(
            "CREATE INDEX orders_open_by_date ON shop.orders (order_date, amount)"
                + " WHERE note IS NULL; CREATE INDEX orders_by_date ON shop.orders (order_date)",
            "shop.orders_open_by_date",
            "shop.orders_by_date");
    IndexSpec partial = made.get(0);
    IndexSpec full = made.get(1);
    assertThat(full.servedBy(partial)).isFalse();
    assertThat(partial.servedBy(partial)).isTrue();
  }
}
