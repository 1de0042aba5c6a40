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
    TimeVerdict otherSeed = withSeed(2).compare(a, b);
    assertThat(otherSeed.ratio()).isEqualTo(first.ratio());
    assertThat(otherSeed.ciLow()).isNotEqualTo(first.ciLow());
  }

  /** The default test with another seed for its bootstrap. */
  private static RatioOfMedians withSeed(long seed) {
    return new RatioOfMedians(
        RatioOfMedians.DEFAULT_RESAMPLES,
        RatioOfMedians.DEFAULT_LEVEL,
        RatioOfMedians.DEFAULT_ALPHA,
        seed);
  }

  /** What {@link Significance} asks of the test: p below alpha and the interval excluding 1. */
  private static boolean real(TimeVerdict v) {
    return v.pValue() < RatioOfMedians.DEFAULT_ALPHA && (v.ciLow() > 1 || v.ciHigh() < 1);
  }

  @Test
  void aaTrialsRaiseAlmostNoFalseAlarms() {
    Random rng = new Random(20_240_601);
    int alarms = 0;
    int covered = 0;
    int trials = 200;
    for (int t = 0; t < trials; t++) {
      TimeVerdict v =
          withSeed(t).compare(lognormal(rng, 200, MEDIAN_MS), lognormal(rng, 200, MEDIAN_MS));
      if (real(v)) {
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
  void doubledAndHalvedLatenciesHaveIntervalsWhollyBeyondTheirSideOfOne() {
    Random rng = new Random(7);
    RatioOfMedians gate = new RatioOfMedians();
    for (int t = 0; t < 20; t++) {
      double[] baseline = lognormal(rng, 200, MEDIAN_MS);
      TimeVerdict slower = gate.compare(baseline, lognormal(rng, 200, 2 * MEDIAN_MS));
      assertThat(real(slower)).as("trial %d: %s", t, slower).isTrue();
      assertThat(slower.ciLow()).as("trial %d: %s", t, slower).isGreaterThan(1.2);
      assertThat(slower.ratio()).isBetween(1.6, 2.5);
      TimeVerdict faster = gate.compare(baseline, lognormal(rng, 200, MEDIAN_MS / 2));
      assertThat(real(faster)).as("trial %d: %s", t, faster).isTrue();
      assertThat(faster.ciHigh()).as("trial %d: %s", t, faster).isLessThan(1 / 1.2);
    }
  }

  @Test
  void tinySamplesNeedTheRankTestToAgree() {
    // three samples each, ten times slower: the bootstrap interval is far above 1.2,
    // but three against three cannot reach p < 0.01
    TimeVerdict v =
        new RatioOfMedians().compare(new double[] {1, 1.1, 1.2}, new double[] {10, 11, 12});
    assertThat(v.ciLow()).isGreaterThan(1.2);
    assertThat(v.pValue()).isGreaterThan(0.01);
    double[] before = {1, 1.1, 1.2};
    double[] after = {10, 11, 12};
    assertThat(Significance.defaults().compare(before, after).changed()).isFalse();
    RatioOfMedians lenient =
        new RatioOfMedians(
            RatioOfMedians.DEFAULT_RESAMPLES,
            RatioOfMedians.DEFAULT_LEVEL,
            0.1,
            RatioOfMedians.DEFAULT_SEED);
    assertThat(new Significance(0.05, lenient).compare(before, after).slower()).isTrue();
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
    assertThatThrownBy(() -> new RatioOfMedians(2_000, 1.0, 0.01, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RatioOfMedians(10, 0.99, 0.01, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
