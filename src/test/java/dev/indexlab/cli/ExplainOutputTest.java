package dev.indexlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.results.RunResults;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExplainOutputTest {
  static RunResults.DrillDown drill(double ms) {
    return new RunResults.DrillDown(
        "orders_customer_id_fkey",
        "public.orders",
        List.of("customer_id"),
        "CHECK",
        "SELECT 1 FROM ONLY public.customers x WHERE id = $1 FOR KEY SHARE OF x",
        ms,
        0,
        null,
        List.of());
  }

  @Test
  void aDrillDownWithoutAnAnalyzedPlanShowsNoTime() {
    assertThat(ExplainCommand.drillTime(drill(Double.NaN))).isEmpty();
    assertThat(ExplainCommand.drillTime(drill(0.25))).isEqualTo("  0.250 ms");
  }

  @Test
  void adviseReadsTheFindingsWhereExplainWritesThemByDefault() {
    ExplainCommand explain = new ExplainCommand();
    new CommandLine(explain).parseArgs();
    Path written = explain.plans.resolve(explain.scenario).resolve("findings.json");
    assertThat(AdviseCommand.DEFAULT_FINDINGS).isEqualTo(written);
  }
}
