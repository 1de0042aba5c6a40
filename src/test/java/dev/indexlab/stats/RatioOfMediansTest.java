package dev.indexlab.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RatioOfMediansTest {
  private static final double MEDIAN_MS = 5.0;
  private static final double SIGMA = 0.5;

  /** Latencies from a lognormal with median {@code median} and log-spread {@link #SIGMA}. */
  private static double[] lognormal(Random rng, int n, double median) {
    double[] sample = new double[n];
    for (int i = 0; i < n; i++) {
      sample[i] = median * Math.exp(SIGMA * rng.nextGaussian());
    }
    return sample;
  }

  @Test
  void ratioIsTheRatioOfTheSampleMedians() {
    TimeVerdict v =
        new RatioOfMedians().compare(new double[] {4, 1, 3, 2}, new double[] {10, 30, 20});
    assertThat(v.ratio()).isEqualTo(20 / 2.5);
    assertThat(v.ciLow()).isLessThanOrEqualTo(v.ratio());
    assertThat(v.ciHigh()).isGreaterThanOrEqualTo(v.ratio());
  }

  @Test
  void sameInputAndSeedGiveTheSameVerdict() {
    Random rng = new Random(1);
    double[] a = lognormal(rng, 300, MEDIAN_MS);
    double[] b = lognormal(rng, 300, MEDIAN_MS * 1.1);
    double[] aCopy = a.clone();
    TimeVerdict first = new RatioOfMedians().compare(a, b);
    assertThat(new RatioOfMedians().compare(a, b)).isEqualTo(first);
    assertThat(a).containsExactly(aCopy);
    TimeVerdict otherSeed = new RatioOfMedians().withSeed(2).compare(a, b);
    assertThat(otherSeed.ratio()).isEqualTo(first.ratio());
    assertThat(otherSeed.ciLow()).isNotEqualTo(first.ciLow());
  }

  @Test
  void aaTrialsRaiseAlmostNoFalseAlarms() {
    Random rng = new Random(20_240_601);
    RatioOfMedians gate = new RatioOfMedians();
    int alarms = 0;
    int covered = 0;
    int trials = 200;
    for (int t = 0; t < trials; t++) {
      TimeVerdict v =
          gate.withSeed(t).compare(lognormal(rng, 200, MEDIAN_MS), lognormal(rng, 200, MEDIAN_MS));
      if (!v.unchanged()) {
        alarms++;
      }
      if (v.ciLow() <= 1 && 1 <= v.ciHigh()) {
        covered++;
      }
    }
    assertThat(alarms).isLessThanOrEqualTo(2);
    // the interval itself is honest: a 99% interval covers the true ratio in nearly every trial
    assertThat(covered).isGreaterThanOrEqualTo(194);
  }

  @Test
  void doubledLatencyIsFlaggedAsARegressionAndHalvedAsAnImprovement() {
    Random rng = new Random(7);
    RatioOfMedians gate = new RatioOfMedians();
    for (int t = 0; t < 20; t++) {
      double[] baseline = lognormal(rng, 200, MEDIAN_MS);
      TimeVerdict slower = gate.compare(baseline, lognormal(rng, 200, 2 * MEDIAN_MS));
      assertThat(slower.regression()).as("trial %d: %s", t, slower).isTrue();
      assertThat(slower.improvement()).isFalse();
      assertThat(slower.ratio()).isBetween(1.6, 2.5);
      TimeVerdict faster = gate.compare(baseline, lognormal(rng, 200, MEDIAN_MS / 2));
      assertThat(faster.improvement()).as("trial %d: %s", t, faster).isTrue();
      assertThat(faster.regression()).isFalse();
    }
  }

  @Test
  void aSignificantButSmallSlowdownIsNotARegression() {
    Random rng = new Random(11);
    TimeVerdict v =
        new RatioOfMedians()
            .compare(lognormal(rng, 5_000, MEDIAN_MS), lognormal(rng, 5_000, MEDIAN_MS * 1.1));
    assertThat(v.pValue()).isLessThan(0.01);
    assertThat(v.ciLow()).isGreaterThan(1.0);
    assertThat(v.regression()).isFalse();
    assertThat(
            new RatioOfMedians()
                .withThreshold(0.05)
                .compare(lognormal(rng, 5_000, MEDIAN_MS), lognormal(rng, 5_000, MEDIAN_MS * 1.1))
                .regression())
        .isTrue();
  }

  @Test
  void tinySamplesNeedTheRankTestToAgree() {
    // three samples each, ten times slower: the bootstrap interval is far above 1.2,
    // but three against three cannot reach p < 0.01
    TimeVerdict v =
        new RatioOfMedians().compare(new double[] {1, 1.1, 1.2}, new double[] {10, 11, 12});
    assertThat(v.ciLow()).isGreaterThan(1.2);
    assertThat(v.pValue()).isGreaterThan(0.01);
    assertThat(v.regression()).isFalse();
    assertThat(
            new RatioOfMedians()
                .withAlpha(0.1)
                .compare(new double[] {1, 1.1, 1.2}, new double[] {10, 11, 12})
                .regression())
        .isTrue();
  }

  @Test
  void describeNamesRatioIntervalAndP() {
    TimeVerdict v = new TimeVerdict(2.014, 1.93, 2.1, 1e-9, true, false);
    assertThat(v.describe()).isEqualTo("median ×2.01 (CI ×1.93–×2.10), Mann-Whitney p < 0.001");
    assertThat(new TimeVerdict(1, 0.9, 1.1, 0.5, false, false).describe()).endsWith("p = 0.500");
  }

  @Test
  void rejectsEmptyOrInvalidSamples() {
    RatioOfMedians gate = new RatioOfMedians();
    assertThatThrownBy(() -> gate.compare(new double[0], new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseline sample is empty");
    assertThatThrownBy(() -> gate.compare(new double[] {1}, new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current");
    assertThatThrownBy(() -> gate.compare(new double[] {0}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> gate.withLevel(1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> gate.withResamples(10)).isInstanceOf(IllegalArgumentException.class);
  }
}
