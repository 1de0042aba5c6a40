package dev.indexlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.results.RunResults;
import dev.indexlab.seed.Progress;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.seed.SeededDatabase;
import dev.indexlab.testing.FastRuns;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad candidates (src/test/resources/workloads/bad-candidates): a missing column, a syntax error, a
 * rewrite that returns other rows and an index no route uses are recorded as rejected with their
 * reason, and the good candidate after them is still measured and accepted; an equivalent rewrite
 * with the same plan is rejected on EXPLAIN without being timed; the template is intact.
 */
class BadCandidatesIT {
  static final Path WORKLOAD = Path.of("src/test/resources/workloads/bad-candidates");

  @TempDir Path dir;

  @BeforeAll
  static void jmh() {
    FastRuns.allowConcurrentJmh();
  }

  @Test
  void badCandidatesAreRejectedWithTheirReasonAndTheOthersStillEvaluated() throws Exception {
    ConnectionSpec db = TestDatabases.empty("e2e_bad");
    Workload w = Workload.open(WORKLOAD);
    SeedOptions seed = SeedOptions.defaults();
    StringWriter log = new StringWriter();
    RunResults r;
    FastRuns.Snapshot before;
    try (DatabaseTarget target = FastRuns.target(db)) {
      SeededDatabase.seed(target, w, seed.withForce(true), Progress.quiet());
      before = FastRuns.Snapshot.of(db);
      RunPipeline.Settings settings = FastRuns.settings(seed, dir, false, List.of());
      r = new RunPipeline(target, w, settings, new PrintWriter(log, true), Progress.quiet()).run();
    }
    String why = log.toString();

    Map<String, RunResults.CandidateResult> byId =
        r.candidates().stream()
            .collect(Collectors.toMap(RunResults.CandidateResult::id, Function.identity()));
    assertThat(r.candidates())
        .extracting(RunResults.CandidateResult::id)
        .containsExactly(
            "missing_column",
            "wrong_rewrite",
            "syntax_error",
            "orders_customer_placed",
            "orders_total",
            "inlined_cte");

    RunResults.CandidateResult missing = byId.get("missing_column");
    assertThat(missing.decision().accepted()).isFalse();
    assertThat(missing.decision().reason())
        .startsWith("its migration failed: ")
        .contains("candidates/001_missing_column/V1001__missing_column.sql:2: ")
        .contains("column \"shipped_at\" does not exist")
        .doesNotContain("indexlab-candidate-");
    assertThat(missing.build().error()).isNotNull();

    RunResults.CandidateResult syntax = byId.get("syntax_error");
    assertThat(syntax.decision().accepted()).isFalse();
    assertThat(syntax.decision().reason())
        .startsWith("its migration failed: ")
        .contains("candidates/003_syntax_error/V1003__syntax_error.sql:2: ")
        .contains("syntax error at or near \"INDEKS\"");

    RunResults.CandidateResult rewrite = byId.get("wrong_rewrite");
    assertThat(rewrite.decision().accepted()).isFalse();
    assertThat(rewrite.decision().reason())
        .startsWith("the rewrite is not equivalent: customer_orders");
    assertThat(rewrite.equivalence()).startsWith("customer_orders: differs");

    RunResults.CandidateResult ignored = byId.get("orders_total");
    assertThat(ignored.decision().accepted()).isFalse();
    assertThat(ignored.decision().reason())
        .isEqualTo("the planner did not use it for any affected route");
    assertThat(ignored.affectedRoutes()).containsExactly("customer_orders");
    assertThat(ignored.deltas())
        .as("rejected on its EXPLAIN figures, never timed under JMH")
        .singleElement()
        .satisfies(d -> assertThat(d.meanAfterMs()).isNaN());
    assertThat(dir.resolve("orders_total")).as("no JMH files").doesNotExist();

    // equivalent, and the same plan: EXPLAIN shows no gain, so JMH never times it
    RunResults.CandidateResult same = byId.get("inlined_cte");
    assertThat(same.equivalence()).startsWith("customer_orders: same rows");
    assertThat(same.decision().accepted()).isFalse();
    assertThat(same.decision().reason())
        .startsWith(
            "no route that uses it got 20% and 0.050 ms faster in EXPLAIN, reading 20% fewer"
                + " shared buffers or rows (not timed under JMH)");
    assertThat(same.deltas())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.usesCandidate()).isTrue();
              assertThat(d.meanBeforeMs()).isNaN();
              assertThat(d.buffersAfter()).isEqualTo(d.buffersBefore());
            });
    assertThat(dir.resolve("inlined_cte")).as("no JMH files").doesNotExist();
    assertThat(dir.resolve("plans/inlined_cte/customer_orders")).isDirectory();

    RunResults.CandidateResult good = byId.get("orders_customer_placed");
    assertThat(good.build().error()).isNull();
    assertThat(good.build().indexes()).containsExactly("public.orders_customer_id_placed_at_idx");
    assertThat(good.affectedRoutes()).containsExactly("customer_orders");
    assertThat(good.deltas())
        .singleElement()
        .satisfies(d -> assertThat(d.usesCandidate()).isTrue());
    assertThat(good.decision().accepted()).as(good.decision().reason()).isTrue();

    List<String> scenarios = r.scenarios().stream().map(RunResults.ScenarioResult::name).toList();
    assertThat(scenarios)
        .as("only candidates that applied and passed their checks are measured")
        .containsExactly(
            "baseline", "orders_customer_placed", "orders_total", "inlined_cte", "optimized");
    RunResults.ScenarioResult optimized = r.scenarios().get(scenarios.size() - 1);
    assertThat(optimized.candidates()).containsExactly("orders_customer_placed");
    assertThat(optimized.errors()).as(why).isEmpty();
    // the accepted index is on orders: the customers route runs the same plan on the same table,
    // so the end of the run does not time it again; the orders route is timed side by side
    RunResults.RouteResult regions = optimized.byId().get("region_customers");
    RunResults.RouteResult regionsBefore = r.scenarios().get(0).byId().get("region_customers");
    assertThat(regions.timing().reusedFrom()).isEqualTo("baseline");
    assertThat(regions.timing().mean()).isEqualTo(regionsBefore.timing().mean());
    assertThat(regionsBefore.timing().reusedFrom()).isNull();
    assertThat(dir.resolve("side-by-side.optimized.region_customers")).doesNotExist();
    assertThat(optimized.byId().get("customer_orders").timing().reusedFrom()).isNull();
    assertThat(dir.resolve("side-by-side.optimized.customer_orders/bench.json")).isRegularFile();
    assertThat(dir.resolve("side-by-side.baseline.customer_orders/bench.json")).isRegularFile();
    assertThat(why).contains("not timed again: region_customers");

    assertThat(FastRuns.Snapshot.of(db)).isEqualTo(before);
    assertThat(FastRuns.databasesStartingWith(db, db.database() + "_")).isEmpty();
  }
}
