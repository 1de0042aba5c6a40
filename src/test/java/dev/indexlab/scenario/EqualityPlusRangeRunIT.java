package dev.indexlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.advise.ExplainFindings;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.explain.FindingsFile;
import dev.indexlab.results.FindingKind;
import dev.indexlab.results.RunResults;
import dev.indexlab.seed.Progress;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.seed.SeededDatabase;
import dev.indexlab.testing.FastRuns;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code indexlab run} on a workload of one table and one route whose filter is an equality plus a
 * range, {@code order_date >= :from AND order_date < :to AND employee_id = :emp}: PostgreSQL prints
 * the range first, and the candidate the run proposes leads with the equality column, as {@code
 * advise} does from the same findings.
 */
class EqualityPlusRangeRunIT {
  static final String ROUTE = "orders_by_employee";

  @TempDir Path dir;

  @BeforeAll
  static void jmh() {
    FastRuns.allowConcurrentJmh();
  }

  /** 5,000 orders of 50 employees over a year; no index but the primary key. */
  private Path workload() throws Exception {
    Path w = Files.createDirectories(dir.resolve("orders-workload"));
    Files.createDirectories(w.resolve("schema"));
    Files.createDirectories(w.resolve("data"));
    Files.writeString(w.resolve("workload.properties"), "name=orders\n");
    Files.writeString(
        w.resolve("schema/V1__orders.sql"),
        String.join(
            "\n",
            "CREATE TABLE orders (",
            "  id bigint PRIMARY KEY,",
            "  order_date date NOT NULL,",
            "  employee_id integer NOT NULL,",
            "  amount numeric NOT NULL",
            ");",
            ""));
    Files.writeString(
        w.resolve("data/orders.sql"),
        "INSERT INTO orders SELECT g, date '2024-01-01' + (g * 7 % 366), g % 50, g % 997\n"
            + "FROM generate_series(1, 5000) g;\n");
    Files.writeString(
        w.resolve(ROUTE + ".sql"),
        String.join(
            "\n",
            "-- @route GET /employees/{emp}/orders?from&to",
            "-- @param emp, from, to sample: SELECT employee_id, order_date, order_date + 30",
            "--   FROM orders",
            "--",
            "-- @statement the employee's orders of one month",
            "SELECT id, amount FROM orders",
            "WHERE order_date >= :from AND order_date < :to AND employee_id = :emp;",
            ""));
    return w;
  }

  @Test
  void theRunProposesTheEqualityColumnBeforeTheRangeColumn() throws Exception {
    ConnectionSpec db = TestDatabases.empty("eq_range_run");
    Workload w = Workload.open(workload());
    SeedOptions seed = new SeedOptions(1, 42, false);
    Path results = dir.resolve("results");
    StringWriter log = new StringWriter();
    RunResults r;
    try (DatabaseTarget target = FastRuns.target(db)) {
      SeededDatabase.seed(target, w, seed.withForce(true), Progress.quiet());
      RunPipeline.Settings settings = FastRuns.settings(seed, results, true, List.of(ROUTE));
      r = new RunPipeline(target, w, settings, new PrintWriter(log, true), Progress.quiet()).run();
    }

    List<RunResults.CandidateResult> onOrders =
        r.candidates().stream().filter(c -> c.id().startsWith("idx_orders_")).toList();
    assertThat(onOrders)
        .as(log.toString())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.id()).isEqualTo("idx_orders_employee_id_order_date");
              assertThat(c.ddl())
                  .anySatisfy(
                      sql ->
                          assertThat(sql)
                              .containsPattern(
                                  "ON (public\\.)?orders \\(employee_id, order_date\\)"));
              assertThat(String.join("\n", c.reasons()))
                  .contains(ROUTE)
                  .contains("employee_id = ?, a range of order_date");
            });

    // the findings file the run wrote beside the baseline's plans carries the same roles, so
    // advise --findings proposes the same index
    Path file = results.resolve("plans").resolve("baseline").resolve("findings.json");
    assertThat(ExplainFindings.of(FindingsFile.read(file)))
        .filteredOn(f -> f.kind() == FindingKind.SEQ_SCAN_REMOVES_MOST_ROWS)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.equalityColumns()).containsExactly("employee_id");
              assertThat(f.rangeColumns()).containsExactly("order_date");
            });
  }

  /**
   * A hand-written candidate whose CREATE INDEX names no index: only the server knows the name it
   * gets, and the run reads it from there once the migration ran, so the accepted candidate is
   * credited with the route whose plan uses its index (the CREATE INDEX text alone gives nothing to
   * credit).
   */
  @Test
  void anUnnamedHandWrittenIndexIsCreditedWithTheRouteThatUsesIt() throws Exception {
    Path w = workload();
    // 200,000 orders: a gain no load on the machine hides from JMH
    Files.writeString(
        w.resolve("data/orders.sql"),
        "INSERT INTO orders SELECT g, date '2024-01-01' + (g * 7 % 366), g % 50, g % 997\n"
            + "FROM generate_series(1, 200000) g;\n");
    Path candidate = Files.createDirectories(w.resolve("candidates/001_by_employee"));
    Files.writeString(
        candidate.resolve("V1001__by_employee.sql"),
        "-- The employee's orders by date.\nCREATE INDEX ON orders (employee_id, order_date);\n");
    ConnectionSpec db = TestDatabases.empty("eq_range_unnamed");
    SeedOptions seed = new SeedOptions(1, 42, false);
    StringWriter log = new StringWriter();
    RunResults r;
    try (DatabaseTarget target = FastRuns.target(db)) {
      SeededDatabase.seed(target, Workload.open(w), seed.withForce(true), Progress.quiet());
      RunPipeline.Settings settings =
          FastRuns.settings(seed, dir.resolve("results"), false, List.of(ROUTE));
      r =
          new RunPipeline(
                  target, Workload.open(w), settings, new PrintWriter(log, true), Progress.quiet())
              .run();
    }
    assertThat(r.candidates())
        .as(log.toString())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.decision().accepted()).isTrue();
              assertThat(c.build().indexes())
                  .containsExactly("public.orders_employee_id_order_date_idx");
              assertThat(c.credited()).containsExactly(ROUTE);
            });
  }
}
