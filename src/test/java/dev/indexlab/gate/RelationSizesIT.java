package dev.indexlab.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.testing.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sizes the sequential-scan rule reads: EXPLAIN names a table without its schema, and a
 * workload's tables may live in a schema off the search path (the bookshop's {@code shop}).
 */
class RelationSizesIT {
  @Test
  void tablesAreFoundOnTheSearchPathAndInOtherSchemas() throws Exception {
    ConnectionSpec db = TestDatabases.empty("relsizes");
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA shop");
      st.execute("CREATE TABLE shop.\"Order Items\" (id int PRIMARY KEY)");
      st.execute("INSERT INTO shop.\"Order Items\" SELECT generate_series(1, 20000)");
      st.execute("CREATE TABLE small (id int PRIMARY KEY)");
      st.execute("INSERT INTO small SELECT generate_series(1, 30)");
      st.execute("ANALYZE");

      Map<String, Long> rows = RelationSizes.rows(c, List.of("Order Items", "small", "missing"));

      assertThat(rows).containsOnlyKeys("Order Items", "small");
      assertThat(rows.get("Order Items")).isEqualTo(20_000L);
      assertThat(rows.get("small")).isEqualTo(30L);
    }
  }
}
