package dev.indexlab.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * The test every timing comparison rests on: the ratio of medians of two latency samples, its
 * percentile-bootstrap confidence interval at {@link #level()}, and a Mann-Whitney U p-value as a
 * second opinion. It only measures; {@link Significance} decides what counts as a change, and how
 * large a change must be is asked of its {@link Significance.Change}. The method, its false-alarm
 * rate and its cost are set out in {@code docs/statistics.md}.
 *
 * <p>Both the bootstrap and the rank test assume independent samples from fixed distributions:
 * drift between runs or machines is invisible to them, and must be handled by the caller (the
 * gate's machine factor and interleaved A/B rounds).
 *
 * <p>Instances are immutable and thread-safe; the same samples and seed always give the same
 * interval.
 */
public final class RatioOfMedians {
  /** Default number of bootstrap resamples. */
  public static final int DEFAULT_RESAMPLES = 2_000;

  /** Default confidence level of the interval. */
  public static final double DEFAULT_LEVEL = 0.99;

  /** Default significance level for the Mann-Whitney p-value. */
  public static final double DEFAULT_ALPHA = 0.01;

  /** Default seed of the bootstrap's random generator. */
  public static final long DEFAULT_SEED = 0x1D3A_B5EEDL;

  private final int resamples;
  private final double level;
  private final double alpha;
  private final long seed;

  /** A comparison with every default. */
  public RatioOfMedians() {
    this(DEFAULT_RESAMPLES, DEFAULT_LEVEL, DEFAULT_ALPHA, DEFAULT_SEED);
  }

  /**
   * @param resamples bootstrap resamples, at least 100
   * @param level confidence level, in (0, 1)
   * @param alpha significance level for the rank test, in (0, 1]
   * @param seed seed of the bootstrap's random generator
   */
  public RatioOfMedians(int resamples, double level, double alpha, long seed) {
    if (resamples < 100) {
      throw new IllegalArgumentException("resamples must be at least 100, got " + resamples);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
    }
    this.resamples = resamples;
    this.level = level;
    this.alpha = alpha;
    this.seed = seed;
  }

  public double level() {
    return level;
  }

  public double alpha() {
    return alpha;
  }

  /**
   * Compares two latency samples (any unit, the same for both; neither array is modified).
   *
   * @throws IllegalArgumentException when a sample is empty or holds a value that is not a finite
   *     positive number
   */
  public TimeVerdict compare(double[] baseline, double[] current) {
    double[] base = sortedCopy(baseline, "baseline");
    double[] curr = sortedCopy(current, "current");
    double ratio = SampleSummary.quantile(curr, 0.5) / SampleSummary.quantile(base, 0.5);

    SplittableRandom rng = new SplittableRandom(seed);
    BootstrapMedian baseMedian = new BootstrapMedian(base);
    BootstrapMedian currMedian = new BootstrapMedian(curr);
    double[] ratios = new double[resamples];
    for (int i = 0; i < resamples; i++) {
      double b = baseMedian.next(rng);
      ratios[i] = currMedian.next(rng) / b;
    }
    Arrays.sort(ratios);
    double tail = (1 - level) / 2;
    double ciLow = SampleSummary.quantile(ratios, tail);
    double ciHigh = SampleSummary.quantile(ratios, 1 - tail);

    double p = new MannWhitneyUTest().mannWhitneyUTest(base, curr);
    return new TimeVerdict(ratio, ciLow, ciHigh, p);
  }

  private static double[] sortedCopy(double[] sample, String name) {
    if (sample == null || sample.length == 0) {
      throw new IllegalArgumentException("the " + name + " sample is empty");
    }
    double[] copy = sample.clone();
    for (double v : copy) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(
            "the " + name + " sample holds " + v + "; latencies must be finite and > 0");
      }
    }
    Arrays.sort(copy);
    return copy;
  }
}
