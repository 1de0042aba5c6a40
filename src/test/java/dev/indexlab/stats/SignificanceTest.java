package dev.indexlab.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignificanceTest {
  private final Significance rule = Significance.defaults();

  @Test
  void twoSamplesOfOneDistributionAreUnchanged() {
    Significance.Change c =
        rule.compare(
            SyntheticSamples.lognormal(300, 5, 0.3, 1), SyntheticSamples.lognormal(300, 5, 0.3, 2));

    assertThat(c.direction()).isEqualTo(Significance.Direction.UNCHANGED);
    assertThat(c.enoughSamples()).isTrue();
  }

  @Test
  void aTwiceSlowerSampleIsSlowerByTenPercentAndNotFaster() {
    Significance.Change c =
        rule.compare(
            SyntheticSamples.lognormal(200, 5, 0.3, 1),
            SyntheticSamples.lognormal(200, 10, 0.3, 2));

    assertThat(c.slower()).isTrue();
    assertThat(c.slowerBy(0.10, 0.5)).isTrue();
    assertThat(c.slowerBy(0.10, 10)).as("5 ms apart, not 10").isFalse();
    assertThat(c.fasterBy(0)).isFalse();
  }

  @Test
  void aSignificantEffectUnderTheFloorDoesNotCount() {
    // 0.10 → 0.13 ms with thousands of samples: real for the test, 0.03 ms for a user
    double[] before = SyntheticSamples.lognormal(5000, 0.10, 0.05, 3);
    double[] after = SyntheticSamples.lognormal(5000, 0.13, 0.05, 4);

    assertThat(rule.compare(before, after).changed()).isFalse();
    assertThat(Significance.withFloor(0.01).compare(before, after).slower()).isTrue();
  }

  @Test
  void aGainCountsAsTwentyPercentOnlyWhenTheWholeIntervalSaysSo() {
    double[] before = SyntheticSamples.lognormal(200, 10, 0.3, 5);

    assertThat(rule.compare(before, SyntheticSamples.lognormal(200, 5, 0.3, 6)).fasterBy(0.2))
        .isTrue();
    // about 18% faster: significant, but not confidently 20%
    Significance.Change near = rule.compare(before, SyntheticSamples.lognormal(200, 8.2, 0.3, 6));
    assertThat(near.faster()).isTrue();
    assertThat(near.fasterBy(0.2)).isFalse();
  }

  @Test
  void aSignificantSlowdownInsideTheMarginIsNotSlowerByIt() {
    // 10 → 11 ms with thousands of samples: real, 1 ms per call, but not 20% slower
    Significance.Change c =
        rule.compare(
            SyntheticSamples.lognormal(5000, 10, 0.1, 8),
            SyntheticSamples.lognormal(5000, 11, 0.1, 9));

    assertThat(c.slower()).isTrue();
    assertThat(c.slowerBy(0.05, 0.5)).isTrue();
    assertThat(c.slowerBy(0.2, 0)).isFalse();
  }

  @Test
  void fewSamplesAreComparedButFlagged() {
    Significance.Change c =
        rule.compare(
            SyntheticSamples.lognormal(15, 60, 0.1, 7),
            SyntheticSamples.lognormal(400, 0.7, 0.1, 8));

    assertThat(c.faster()).isTrue();
    assertThat(c.enoughSamples()).isFalse();
    assertThat(c.describe()).contains("15 and 400 samples");
  }

  @Test
  void aQuantileNeedsFiveSamplesBeyondIt() {
    assertThat(Significance.holdsQuantile(0.95, 99)).isFalse();
    assertThat(Significance.holdsQuantile(0.95, 100)).isTrue();
    assertThat(Significance.holdsQuantile(0.99, 499)).isFalse();
    assertThat(Significance.holdsQuantile(0.99, 500)).isTrue();
    assertThat(Significance.holdsQuantile(0.5, 10)).isTrue();
    for (double q : new double[] {0.9, 0.95, 0.99}) {
      long n = Significance.samplesToHold(q);
      assertThat(Significance.holdsQuantile(q, n)).as("p%s", q).isTrue();
      assertThat(Significance.holdsQuantile(q, n - 1)).as("p%s", q).isFalse();
    }
    assertThat(Significance.samplesToHold(0.95)).isEqualTo(100);
  }

  @Test
  void aNegativeOrNanFloorIsRefused() {
    assertThatThrownBy(() -> Significance.withFloor(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Significance.withFloor(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
