package dev.indexlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.advise.CandidateReader;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.schema.SchemaLoader;
import dev.indexlab.schema.TableChecksums;
import dev.indexlab.schema.WorkloadDataLoader;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandIT {
  private static final Path WORKLOADS = Path.of("src/test/resources/workloads");

  /** What one run of the real command line printed. */
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(exit, out.toString(), err.toString());
  }

  /** The shared test server as a JDBC URL target (superuser: scratch databases allowed). */
  static String[] onTestServer(Path workload, String... more) {
    List<String> args = new ArrayList<>();
    args.add("check");
    args.add("--workload");
    args.add(workload.toString());
    args.add("--db");
    args.add(TestDatabases.server().connection().jdbcUrl());
    args.add("--user");
    args.add("postgres");
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void theBookshopExamplePassesAndLeavesNoScratchDatabase() throws Exception {
    Run r = run(onTestServer(Path.of("examples/bookshop")));
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("workload OK: 5 routes, 1 candidate, schema: 8 tables\n");
    assertThat(r.exit()).isZero();
    try (Connection c = TestDatabases.server().connection().open();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM pg_database WHERE datname LIKE 'indexlab_check%'")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }

  @Test
  void theBookshopExamplePassesOnTheDefaultEmbeddedServer() {
    Run r = run("check", "--workload", "examples/bookshop");
    assertThat(r.out()).contains("workload OK: 5 routes, 1 candidate, schema: 8 tables");
    assertThat(r.exit()).isZero();
  }

  @Test
  void theTestLayoutsPass() {
    Run migrations = run(onTestServer(WORKLOADS.resolve("shop-migrations")));
    assertThat(migrations.err()).isEmpty();
    assertThat(migrations.out())
        .isEqualTo("workload OK: 2 routes, 1 candidate, schema: 6 tables\n");
    Run dump = run(onTestServer(WORKLOADS.resolve("shop-dump-only"), "--verbose"));
    assertThat(dump.err()).isEmpty();
    assertThat(dump.out())
        .contains("note: ")
        .contains("skipped psql meta-command \\restrict")
        .endsWith("workload OK: 2 routes, 0 candidates, schema: 4 tables\n");
  }

  @Test
  void everyProblemIsReportedAtOnceWithFileAndLine(@TempDir Path dir) throws Exception {
    copyTree(WORKLOADS.resolve("shop-migrations"), dir);
    Path bookPage = dir.resolve("book_page.sql");
    Files.writeString(
        bookPage, Files.readString(bookPage).replace("FROM shop.books b", "FROM shop.bokos b"));
    write(dir, "bad_directive.sql", "-- @route GET /x", "-- @isolation sometimes", "SELECT 1;");
    write(
        dir,
        "unknown_param.sql",
        "-- @route GET /y",
        "-- @param id int: 1..10",
        "SELECT :id, :nope;");
    write(
        dir,
        "sample_broken.sql",
        "-- @route GET /z",
        "-- @param id sample: SELECT id FROM shop.nothing",
        "SELECT :id::int;");
    write(
        dir,
        "returns_wrong.sql",
        "-- @route GET /w",
        "-- @param isbn sample: SELECT isbn FROM shop.books",
        "-- @statement the book",
        "-- @returns author",
        "SELECT author_id FROM shop.books WHERE isbn = :isbn;",
        "-- @statement its author",
        "SELECT name FROM shop.authors WHERE id = :author;");
    write(
        dir, "candidates/002_bad_name/v1001__lowercase.sql", "CREATE INDEX ON shop.books (title);");
    write(
        dir,
        "candidates/003_bad_column/V1002__books_missing_column.sql",
        "-- an index on a column that does not exist",
        "CREATE INDEX ON shop.books (nonexistent);");
    write(
        dir,
        "candidates/001_order_items_order/rewrite/no_such_route.sql",
        "-- @route GET /nothing",
        "SELECT 1;");
    write(dir, "data/shop.Reviews.csv", "id,book_isbn,stars,body", "1,9780000000001,5,good");
    write(
        dir,
        "data/order_items.csv",
        "id,customer_id,order_no,book_isbn,quantity",
        "1,7,1,9780000000001,1",
        "2,7,1,9780000000002,2",
        "3,7,2,9780000000003,0");

    Run r = run(onTestServer(dir));
    String shown = dir.toString();
    List<String> expected =
        List.of(
            shown
                + "/bad_directive.sql:2: @isolation 'sometimes': use read committed,"
                + " repeatable read or serializable",
            shown
                + "/unknown_param.sql:3: unknown parameter :nope (declare it with @param, or"
                + " @returns in an earlier statement)",
            shown
                + "/candidates/001_order_items_order/rewrite/no_such_route.sql:1: rewrite of an"
                + " unknown route no_such_route (routes: bad_directive, book_page, order_lines,"
                + " returns_wrong, sample_broken, unknown_param)",
            shown
                + "/candidates/002_bad_name/v1001__lowercase.sql: not a Flyway migration name:"
                + " use V<version>__<description>.sql, for example V1000__orders_customer_fk.sql",
            shown
                + "/data/shop.Reviews.csv:1: header does not match table shop.Reviews: no column"
                + " \"stars\" (columns: id, book_isbn, starRating, body)",
            shown
                + "/data/order_items.csv:4: new row for relation \"order_items\" violates check"
                + " constraint \"order_items_quantity_check\"; Failing row contains (3, 7, 2,"
                + " 9780000000003, 0).",
            shown + "/book_page.sql:5: relation \"shop.bokos\" does not exist",
            shown
                + "/returns_wrong.sql:5: @returns author: no column author in its result"
                + " (author_id)",
            shown
                + "/sample_broken.sql:2: @param id: sampling query: relation \"shop.nothing\""
                + " does not exist",
            shown
                + "/candidates/003_bad_column/V1002__books_missing_column.sql:2: column"
                + " \"nonexistent\" does not exist",
            "workload has 10 problems: 6 routes, 3 candidates, schema: 6 tables");
    assertThat(r.err().lines().toList()).containsExactlyElementsOf(expected);
    assertThat(r.out()).isEmpty();
    assertThat(r.exit()).isEqualTo(2);
  }

  @Test
  void aCandidatesKindOrApiMarkThatRunWouldRejectIsReportedAsRunReportsIt(@TempDir Path dir)
      throws Exception {
    copyTree(WORKLOADS.resolve("shop-migrations"), dir);
    write(dir, "candidates/004_kind/V1003__books_title.sql", "CREATE INDEX ON shop.books (title);");
    write(dir, "candidates/004_kind/candidate.properties", "kind=INDEX");
    write(dir, "candidates/005_api/V1004__books_year.sql", "CREATE INDEX ON shop.books (title);");
    write(dir, "candidates/005_api/candidate.properties", "api.changes=yes");

    Run r = run(onTestServer(dir));
    Path kind = dir.resolve("candidates/004_kind/candidate.properties");
    Path api = dir.resolve("candidates/005_api/candidate.properties");
    String kindLine =
        kind
            + ": kind=INDEX is not one of [CREATE_INDEX, DROP_INDEX, EXTENSION_INDEX, REWRITE,"
            + " API_REWRITE]";
    assertThat(r.err().lines().toList())
        .containsExactly(
            kindLine,
            api + ": api.changes must be true or false, not \"yes\"",
            "workload has 2 problems: 2 routes, 3 candidates, schema: 6 tables");
    assertThat(r.exit()).isEqualTo(2);
    // run reads the candidates through the advisor, which stops at the first with the same line
    assertThatThrownBy(() -> CandidateReader.read(dir.resolve("candidates"))).hasMessage(kindLine);
  }

  @Test
  void withoutCreatedbTheUsersDatabaseIsOnlyDescribedNeverWritten() throws Exception {
    ConnectionSpec db = TestDatabases.empty("byo_nocreatedb");
    Workload bookshop = Workload.open(Path.of("examples/bookshop"));
    SchemaLoader.load(db, bookshop);
    WorkloadDataLoader.load(db, bookshop);
    Map<String, TableChecksums.Digest> before;
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      st.execute("DROP ROLE IF EXISTS byo_checker");
      st.execute("CREATE ROLE byo_checker LOGIN NOCREATEDB");
      st.execute("GRANT USAGE ON SCHEMA shop TO byo_checker");
      before = TableChecksums.compute(c);
    }
    Run r =
        run(
            "check",
            "--workload",
            "examples/bookshop",
            "--db",
            db.jdbcUrl(),
            "--user",
            "byo_checker",
            "--verbose");
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .endsWith(
            "workload OK: 5 routes, 1 candidate, schema: not loaded (the role may not create a"
                + " scratch database; statements were described against database "
                + db.database()
                + " as it is)\n");
    assertThat(r.exit()).isZero();
    try (Connection c = db.open()) {
      assertThat(TableChecksums.compute(c)).isEqualTo(before);
    }
  }

  private static void write(Path dir, String file, String... lines) throws Exception {
    Path p = dir.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
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
}
