package dev.indexlab.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.stats.RatioOfMedians;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary's account of how the gate decides is written from the rule's own figures. */
class GateSummaryTest {
  @Test
  void theMethodStatesTheTestsLevelAndAlphaAndTheNoiseMargin() {
    RatioOfMedians gates = GateThresholds.defaults().significance().test();
    assertThat(GateSummary.method(gates, TimeRule.Z))
        .contains("the 99% percentile-bootstrap interval of the ratio lies wholly beyond")
        .contains("a Mann-Whitney U test gives p < 0.01 and")
        .contains("clears the threshold by 3.09 standard errors");
    String other =
        GateSummary.method(
            new RatioOfMedians(
                RatioOfMedians.DEFAULT_RESAMPLES, 0.95, 0.05, RatioOfMedians.DEFAULT_SEED),
            2.5);
    assertThat(other)
        .contains("the 95% percentile-bootstrap interval")
        .contains("p < 0.05 and")
        .contains("by 2.5 standard errors")
        .doesNotContain("99%")
        .doesNotContain("0.01")
        .doesNotContain("3.09");
  }

  @Test
  void theSummaryEndsWithTheMethodAndNamesTheIntervalsLevel() {
    String md =
        GateSummary.render(
            new GateOutcome(List.of(), List.of(), null, 0, null, ""), "x", "indexlab gate");
    assertThat(md)
        .contains("| Time ratio (99% CI) |")
        .endsWith(GateSummary.method(GateThresholds.defaults().significance().test(), TimeRule.Z));
  }
}
