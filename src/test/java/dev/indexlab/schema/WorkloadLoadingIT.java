package dev.indexlab.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.Workload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three layouts of a workload's schema and data, loaded into empty databases. */
class WorkloadLoadingIT {
  private static final Path WORKLOADS = Path.of("src/test/resources/workloads");

  @Test
  void bookshopExampleLoadsFromOneDumpAndCsvFiles() throws Exception {
    Workload w = Workload.open(Path.of("examples/bookshop"));
    ConnectionSpec db = TestDatabases.empty("byo_bookshop");
    SchemaLoader.Loaded schema = SchemaLoader.load(db, w);
    assertThat(schema.copiedRows()).isEqualTo(16 + 8);
    WorkloadDataLoader.Summary data = WorkloadDataLoader.load(db, w);
    assertThat(data.csvRows().keySet())
        .extracting(TableName::toString)
        .containsExactly(
            "shop.authors",
            "shop.books",
            "shop.customers",
            "shop.orders",
            "shop.order_items",
            "shop.Reviews");
    try (Connection c = db.open()) {
      for (Map.Entry<TableName, Long> e : data.csvRows().entrySet()) {
        long lines = Files.readAllLines(csvOf(w, e.getKey())).size() - 1;
        assertThat(count(c, e.getKey().quoted())).as(e.getKey().toString()).isEqualTo(lines);
        assertThat(e.getValue()).isEqualTo(lines);
      }
      assertThat(count(c, "shop.countries")).isEqualTo(16);
      assertThat(count(c, "shop.genres")).isEqualTo(8);
      assertThat(longValue(c, "SELECT max(id) FROM shop.customers")).isEqualTo(2000);
      assertThat(
              longValue(
                  c,
                  "INSERT INTO shop.customers (email, name, country_code)"
                      + " VALUES ('new@example.org', 'New Customer', 'FR') RETURNING id"))
          .isEqualTo(2001);
      assertThat(
              longValue(
                  c,
                  "INSERT INTO shop.\"Reviews\" (book_isbn, customer_id, \"starRating\", body,"
                      + " created_at) SELECT isbn, 1, 5, 'new', now() FROM shop.books LIMIT 1"
                      + " RETURNING id"))
          .isEqualTo(8001);
      long items = longValue(c, "SELECT max(id) FROM shop.order_items");
      assertThat(
              longValue(
                  c,
                  "INSERT INTO shop.order_items (customer_id, order_no, book_isbn, quantity,"
                      + " unit_price) SELECT customer_id, order_no, (SELECT min(isbn) FROM"
                      + " shop.books), 1, 1 FROM shop.orders LIMIT 1 RETURNING id"))
          .isEqualTo(items + 1);
      assertThat(longValue(c, "SELECT count(*) FROM pg_stats WHERE schemaname = 'shop'"))
          .as("ANALYZE ran")
          .isPositive();
    }
  }

  @Test
  void migrationsFolderWithCsvAndSqlDataFiles() throws Exception {
    Workload w = Workload.open(WORKLOADS.resolve("shop-migrations"));
    ConnectionSpec db = TestDatabases.empty("byo_migrations");
    assertThat(SchemaLoader.load(db, w).statements()).isEqualTo(2);
    WorkloadDataLoader.Summary data = WorkloadDataLoader.load(db, w);
    assertThat(data.sqlFiles()).isEqualTo(1);
    try (Connection c = db.open()) {
      assertThat(count(c, "shop.countries")).isEqualTo(3);
      assertThat(count(c, "shop.authors")).isEqualTo(3);
      assertThat(count(c, "shop.order_items")).isEqualTo(5);
      assertThat(count(c, "shop.\"Reviews\"")).as("3 from CSV, 4 from SQL").isEqualTo(7);
      assertThat(longValue(c, "SELECT max(id) FROM shop.\"Reviews\"")).isEqualTo(7);
      assertThat(
              string(
                  c,
                  "SELECT name FROM shop.authors a JOIN shop.books b ON b.author_id = a.id"
                      + " WHERE b.title = 'Night, Again'"))
          .isEqualTo("Tanaka, Tomoko");
      assertThat(string(c, "SELECT body FROM shop.\"Reviews\" WHERE id = 3"))
          .isEqualTo("\"Night\" indeed");
      assertThat(
              longValue(
                  c,
                  "INSERT INTO shop.authors (name, country_code) VALUES ('x', 'FR') RETURNING id"))
          .isEqualTo(4);
      assertThat(
              longValue(
                  c,
                  "INSERT INTO shop.order_items (customer_id, order_no, book_isbn, quantity)"
                      + " VALUES (9, 1, '9780000000002', 1) RETURNING id"))
          .isEqualTo(6);
    }
  }

  @Test
  void dumpWithOnlyCopyBlocksAndInsertsNeedsNoDataFolder() throws Exception {
    Workload w = Workload.open(WORKLOADS.resolve("shop-dump-only"));
    assertThat(w.data()).isEmpty();
    ConnectionSpec db = TestDatabases.empty("byo_dump");
    LoadProblems problems = LoadProblems.failFast();
    SchemaLoader.Loaded loaded = SchemaLoader.load(db, w, problems);
    assertThat(loaded.copiedRows()).isEqualTo(2 + 3 + 3 + 5);
    assertThat(problems.notes())
        .anySatisfy(
            n -> assertThat(n).endsWith("schema.sql:14: skipped psql meta-command \\connect"))
        .anySatisfy(n -> assertThat(n).endsWith("skipped: role \"inventory_owner\" does not exist"))
        .anySatisfy(n -> assertThat(n).endsWith("skipped: role \"reporting\" does not exist"))
        .anySatisfy(
            n ->
                assertThat(n)
                    .endsWith(
                        "schema.sql:140: skipped: unrecognized configuration parameter"
                            + " \"future_timeout\""));
    WorkloadDataLoader.load(db, w);
    try (Connection c = db.open()) {
      assertThat(count(c, "\"Inventory\".items")).isEqualTo(4);
      assertThat(
              string(
                  c,
                  "SELECT label FROM \"Inventory\".bins WHERE bin_no = 1 AND"
                      + " warehouse_code = 'OSA'"))
          .isEqualTo("tab\there");
      assertThat(string(c, "SELECT note FROM \"Inventory\".\"StockMoves\" WHERE id = 3"))
          .isEqualTo("back\\slash");
      assertThat(longValue(c, "SELECT \"Inventory\".on_hand(1)")).isEqualTo(8);
      assertThat(
              longValue(
                  c,
                  "INSERT INTO \"Inventory\".items (sku, title) VALUES ('SKU-005', 'Bowl')"
                      + " RETURNING id"))
          .isEqualTo(5);
      assertThat(
              longValue(
                  c,
                  "INSERT INTO \"Inventory\".\"StockMoves\" (warehouse_code, bin_no, item_id,"
                      + " delta) VALUES ('LYS', 1, 5, 1) RETURNING id"))
          .isEqualTo(6);
      assertThat(longValue(c, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'"))
          .isEqualTo(1);
    }
  }

  @Test
  void aFailingStatementIsReportedAtTheLineTheServerPointsTo(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("workload.properties"), "name=broken\n");
    Files.writeString(
        dir.resolve("schema.sql"),
        String.join(
            "\n",
            "-- line 1",
            "CREATE TABLE t (id int PRIMARY KEY, n int);",
            "COPY t (id, n) FROM stdin;",
            "1\t10",
            "2\tten",
            "\\.",
            "SELECT id,",
            "       n",
            "FROM tt;",
            "INSERT INTO t VALUES (3, 30);",
            ""),
        StandardCharsets.UTF_8);
    Workload w = Workload.open(dir);
    assertThatThrownBy(() -> SchemaLoader.load(TestDatabases.empty("byo_broken"), w))
        .isInstanceOf(IndexlabException.class)
        .hasMessageEndingWith("schema.sql:5: invalid input syntax for type integer: \"ten\"");

    LoadProblems all = LoadProblems.collecting();
    ConnectionSpec db = TestDatabases.empty("byo_broken");
    SchemaLoader.load(db, w, all);
    assertThat(all.problems())
        .hasSize(2)
        .satisfiesExactly(
            p ->
                assertThat(p)
                    .endsWith("schema.sql:5: invalid input syntax for type integer: \"ten\""),
            p -> assertThat(p).endsWith("schema.sql:9: relation \"tt\" does not exist"));
    try (Connection c = db.open()) {
      assertThat(count(c, "t")).as("the statements around the failures ran").isEqualTo(1);
    }
  }

  @Test
  void psqlOnlyCommandsAreSkippedOrRefusedAndConcurrentIndexesRunOutsideTheTransaction(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("workload.properties"), "name=psql\n");
    Files.writeString(
        dir.resolve("schema.sql"),
        String.join(
            "\n",
            "CREATE DATABASE other;",
            "\\set ON_ERROR_STOP on",
            "CREATE TABLE t (id serial PRIMARY KEY, v text); INSERT INTO t (v) VALUES ('a;b');",
            "CREATE INDEX CONCURRENTLY t_v_idx ON t (v);",
            "\\copy t (v) FROM 'rows.csv' CSV",
            "INSERT INTO t (id, v) VALUES (5, $x$it's; fine$x$)",
            ""),
        StandardCharsets.UTF_8);
    LoadProblems problems = LoadProblems.collecting();
    ConnectionSpec db = TestDatabases.empty("byo_psql");
    SchemaLoader.load(db, Workload.open(dir), problems);
    assertThat(problems.problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .endsWith(
                        "schema.sql:5: psql \\copy is not supported; put the statements in"
                            + " schema.sql or the rows in data/TABLE.csv"));
    assertThat(problems.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .endsWith(
                        "schema.sql:1: skipped (the workload loads into" + " indexlab's database)"))
        .anySatisfy(n -> assertThat(n).endsWith("schema.sql:2: skipped psql meta-command \\set"));
    try (Connection c = db.open()) {
      assertThat(count(c, "t")).isEqualTo(2);
      assertThat(string(c, "SELECT v FROM t WHERE id = 5")).isEqualTo("it's; fine");
      assertThat(longValue(c, "SELECT count(*) FROM pg_indexes WHERE indexname = 't_v_idx'"))
          .isEqualTo(1);
      assertThat(longValue(c, "INSERT INTO t (v) VALUES ('next') RETURNING id")).isEqualTo(6);
      assertThat(longValue(c, "SELECT count(*) FROM pg_database WHERE datname = 'other'")).isZero();
    }
  }

  @Test
  void csvHeaderAndRowProblemsNameFileAndLine(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path source = WORKLOADS.resolve("shop-migrations");
    copyTree(source, dir);
    Files.writeString(
        dir.resolve("data/shop.orders.csv"),
        "customer_id,order_number,placed_at\n7,1,2024-01-02 10:00:00+00\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("data/authors.csv"),
        "id,name,country_code\n1,Ada,NG\n2,Bo,XX\n",
        StandardCharsets.UTF_8);
    Workload w = Workload.open(dir);
    ConnectionSpec db = TestDatabases.empty("byo_csv");
    SchemaLoader.load(db, w);
    LoadProblems problems = LoadProblems.collecting();
    WorkloadDataLoader.load(db, w, problems);
    assertThat(problems.problems())
        .satisfiesExactlyInAnyOrder(
            p ->
                assertThat(p)
                    .endsWith(
                        "data/authors.csv:3: insert or update on table \"authors\" violates"
                            + " foreign key constraint \"authors_country_code_fkey\"; Key"
                            + " (country_code)=(XX) is not present in table \"countries\"."),
            p ->
                assertThat(p)
                    .endsWith(
                        "data/shop.orders.csv:1: header does not match table shop.orders: no"
                            + " column \"order_number\" (columns: customer_id, order_no,"
                            + " placed_at)"));
    assertThat(problems.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .endsWith("data/books.csv: not loaded because shop.authors failed to load"))
        .anySatisfy(
            n ->
                assertThat(n)
                    .endsWith(
                        "data/order_items.csv: not loaded because shop.books, shop.orders failed"
                            + " to load"));
  }

  @Test
  void aCopyBlockOfThreeHundredThousandRowsIsStreamed(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path dump = dir.resolve("schema.sql");
    int rows = 300_000;
    try (var out = Files.newBufferedWriter(dump, StandardCharsets.UTF_8)) {
      out.write("CREATE TABLE big (id bigint PRIMARY KEY, name text, n int);\n");
      out.write("COPY big (id, name, n) FROM stdin;\n");
      for (int i = 1; i <= rows; i++) {
        out.write(i + "\tname number " + i + "\t" + (i % 97) + "\n");
      }
      out.write("\\.\n");
    }
    Files.writeString(dir.resolve("workload.properties"), "name=big\n");
    ConnectionSpec db = TestDatabases.empty("byo_big");
    long start = System.nanoTime();
    SchemaLoader.Loaded loaded = SchemaLoader.load(db, Workload.open(dir));
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "loaded %,d COPY rows (%,d bytes) in %,d ms%n", rows, Files.size(dump), millis);
    assertThat(loaded.copiedRows()).isEqualTo(rows);
    try (Connection c = db.open()) {
      assertThat(count(c, "big")).isEqualTo(rows);
    }
  }

  private static Path csvOf(Workload w, TableName t) {
    Path data = w.data().orElseThrow();
    Path plain = data.resolve(t.name() + ".csv");
    return Files.exists(plain) ? plain : data.resolve(t.schema() + "." + t.name() + ".csv");
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  static long count(Connection c, String table) throws SQLException {
    return longValue(c, "SELECT count(*) FROM " + table);
  }

  static long longValue(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String string(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
