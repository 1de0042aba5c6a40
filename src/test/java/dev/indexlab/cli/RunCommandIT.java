package dev.indexlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.advise.CandidateFolder;
import dev.indexlab.advise.CandidateReader;
import dev.indexlab.advise.IndexSpec;
import dev.indexlab.advise.Rule;
import dev.indexlab.report.ReportWriter;
import dev.indexlab.report.RunResultsJson;
import dev.indexlab.results.RunResults;
import dev.indexlab.testing.FastRuns;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code indexlab run --workload examples/bookshop} through the real command line, on its own
 * embedded server: a workload indexlab's pipeline code knows nothing about (a pg_dump file with
 * COPY blocks, CSV data, hand-written routes) goes from seed to reports.
 */
class RunCommandIT {
  @TempDir Path dir;

  @BeforeAll
  static void jmh() {
    FastRuns.allowConcurrentJmh();
  }

  @Test
  void bookshopRunsEndToEndAndTheAdvisorFindsItsUnindexedForeignKeys() throws Exception {
    Path results = dir.resolve("results");
    Path reports = dir.resolve("reports");
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--workload",
                "examples/bookshop",
                "--db",
                "embedded",
                "--iteration-time",
                "0.1",
                "--draws",
                "1",
                "--results",
                results.toString(),
                "--reports",
                reports.toString()));
    args.addAll(FastRuns.CLI_PROFILE);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("indexlab run: ").contains("accepted");

    List<String> foreignKeys = new ArrayList<>();
    for (CandidateFolder f : CandidateReader.read(results.resolve("candidates"))) {
      if (f.candidate().rules().contains(Rule.UNINDEXED_FOREIGN_KEY)) {
        f.candidate().indexes().stream().map(IndexSpec::describe).forEach(foreignKeys::add);
      }
    }
    assertThat(foreignKeys)
        .contains(
            "order_items (customer_id, order_no)",
            "order_items (book_isbn)",
            "Reviews (book_isbn)",
            "Reviews (customer_id)",
            "books (author_id)");

    RunResults r = RunResultsJson.read(results.resolve(RunResultsJson.FILE_NAME));
    assertThat(r.meta().workload()).isEqualTo("Bookshop");
    Map<String, RunResults.CandidateResult> byId =
        r.candidates().stream()
            .collect(Collectors.toMap(RunResults.CandidateResult::id, Function.identity()));
    // the advisor's proposal of the hand-written index is left out, not measured twice
    assertThat(byId).containsKey("order_items_order_fk");
    assertThat(byId).doesNotContainKey("idx_order_items_customer_id_order_no");
    assertThat(err.toString())
        .contains(
            "idx_order_items_customer_id_order_no: left out, the hand-written order_items_order_fk");
    // the cascade two levels down (customers -> orders -> order_items) is re-measured and drilled
    assertThat(byId.get("order_items_order_fk").affectedRoutes()).contains("customer_delete");
    assertThat(byId.get("idx_reviews_customer_id").affectedRoutes()).contains("customer_delete");
    RunResults.RouteResult delete =
        r.scenarios().get(0).routes().stream()
            .filter(x -> x.id().equals("customer_delete"))
            .findFirst()
            .orElseThrow();
    assertThat(delete.statements().get(0).drillDowns())
        .extracting(RunResults.DrillDown::referencingTable)
        .anySatisfy(t -> assertThat(t).contains("orders"));

    assertThat(r.scenarios().get(0).errors()).isEmpty();
    assertThat(r.scenarios().get(r.scenarios().size() - 1).name()).isEqualTo("optimized");
    assertThat(reports.resolve(ReportWriter.SUMMARY)).isRegularFile();
    for (RunResults.CandidateResult c : r.candidates()) {
      assertThat(reports.resolve(c.id() + ".md")).isRegularFile();
    }
  }
}
