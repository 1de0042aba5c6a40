package dev.indexlab.stats;

import java.util.Locale;

/**
 * The one rule for "this changed", used by {@code run}'s decisions, the reports' verdict words and
 * the gate: two latency samples of the same statements (the same parameter sets, in the same order)
 * differ when
 *
 * <ol>
 *   <li>the {@link RatioOfMedians} test calls the difference real: the bootstrap interval of the
 *       ratio of medians (at {@link RatioOfMedians#level()}) excludes 1 and the Mann-Whitney U test
 *       gives {@code p < alpha}; and
 *   <li>the medians differ by at least {@link #floorMs()} per call. Below that floor a difference
 *       is real only in the statistical sense: a 0.03 ms drift of a 0.1 ms statement is what a
 *       busier neighbour or a warmer cache does, and no user of the application would see it.
 * </ol>
 *
 * How large a change must be to matter for a decision (20% faster to accept a candidate, 10% slower
 * to block one) is asked of the {@link Change} separately ({@link Change#fasterBy}, {@link
 * Change#slowerBy}), always of the interval's near end: a change counts as "at least 20% faster"
 * only when the whole interval says so.
 *
 * <p>A side with fewer than {@link #MIN_SAMPLES} samples is still compared (the test's p-value and
 * interval widen with few samples), but {@link Change#enoughSamples()} is false and the pages say
 * how many samples the figure rests on.
 *
 * @param floorMs smallest difference of medians, in ms per call, that counts
 * @param test the ratio-of-medians test
 */
public record Significance(double floorMs, RatioOfMedians test) {
  /** Default {@link #floorMs()}: an effect under 0.05 ms per call never counts. */
  public static final double DEFAULT_FLOOR_MS = 0.05;

  /** Samples per side the comparison is meant to rest on; timings aim for at least this many. */
  public static final int MIN_SAMPLES = 100;

  public Significance {
    if (!(floorMs >= 0) || Double.isInfinite(floorMs)) {
      throw new IllegalArgumentException("the floor must be finite and >= 0 ms, got " + floorMs);
    }
  }

  /** The rule with {@code floorMs} and the test's defaults (99% interval, p < 0.01). */
  public static Significance withFloor(double floorMs) {
    return new Significance(floorMs, new RatioOfMedians());
  }

  /** The rule with every default. */
  public static Significance defaults() {
    return withFloor(DEFAULT_FLOOR_MS);
  }

  /** Which way a comparison went, after the test and the floor. */
  public enum Direction {
    FASTER,
    SLOWER,
    UNCHANGED
  }

  /**
   * The comparison of two samples (ms per call).
   *
   * @param medianBefore median of the first sample
   * @param medianAfter median of the second sample
   * @param ratio {@code medianAfter / medianBefore}
   * @param ciLow lower bound of the ratio's interval
   * @param ciHigh upper bound of the ratio's interval
   * @param pValue the rank test's two-sided p-value
   * @param nBefore samples of the first side
   * @param nAfter samples of the second side
   * @param direction what the rule concluded
   */
  public record Change(
      double medianBefore,
      double medianAfter,
      double ratio,
      double ciLow,
      double ciHigh,
      double pValue,
      int nBefore,
      int nAfter,
      Direction direction) {

    public boolean faster() {
      return direction == Direction.FASTER;
    }

    public boolean slower() {
      return direction == Direction.SLOWER;
    }

    public boolean changed() {
      return direction != Direction.UNCHANGED;
    }

    /** Median after minus median before, ms per call (negative: faster). */
    public double deltaMs() {
      return medianAfter - medianBefore;
    }

    /** Both sides have at least {@link #MIN_SAMPLES} samples. */
    public boolean enoughSamples() {
      return Math.min(nBefore, nAfter) >= MIN_SAMPLES;
    }

    /** Faster, and the whole interval at least {@code fraction} faster (0.2: 20%). */
    public boolean fasterBy(double fraction) {
      return faster() && ciHigh <= 1 - fraction;
    }

    /**
     * Slower, the whole interval at least {@code fraction} slower, and the medians at least {@code
     * ms} apart.
     */
    public boolean slowerBy(double fraction, double ms) {
      return slower() && ciLow >= 1 + fraction && deltaMs() >= ms;
    }

    /**
     * One line, e.g. {@code "median 63.2 → 0.718 ms (×0.011, 99% CI ×0.010–×0.012, p < 0.001, 112
     * and 1,380 samples)"}.
     */
    public String describe() {
      return String.format(
          Locale.ROOT,
          "median %s → %s ms (×%s, CI ×%s–×%s, %s, %,d and %,d samples)",
          Numbers.ms(medianBefore),
          Numbers.ms(medianAfter),
          Numbers.ratio(ratio),
          Numbers.ratio(ciLow),
          Numbers.ratio(ciHigh),
          Numbers.pValue(pValue),
          nBefore,
          nAfter);
    }
  }

  /**
   * Compares {@code before} and {@code after} (latencies in ms, neither modified).
   *
   * @throws IllegalArgumentException when a sample is empty or holds a value that is not finite and
   *     positive
   */
  public Change compare(double[] before, double[] after) {
    return compare(before, before.length, after, after.length);
  }

  /**
   * {@link #compare(double[], double[])} for samples kept thinned (evenly spaced by rank, see
   * {@link SampleThinning}) from {@code nBefore} and {@code nAfter} measured ones: the test runs on
   * what was kept (a wider interval than all the samples would give, never a narrower one), and the
   * change reports how many were measured.
   */
  public Change compare(double[] before, long nBefore, double[] after, long nAfter) {
    TimeVerdict v = test.compare(before, after);
    double mb = SampleSummary.median(before);
    double ma = SampleSummary.median(after);
    boolean real = v.pValue() < test.alpha();
    Direction d = Direction.UNCHANGED;
    if (real && v.ciLow() > 1 && ma - mb >= floorMs) {
      d = Direction.SLOWER;
    } else if (real && v.ciHigh() < 1 && mb - ma >= floorMs) {
      d = Direction.FASTER;
    }
    return new Change(
        mb,
        ma,
        v.ratio(),
        v.ciLow(),
        v.ciHigh(),
        v.pValue(),
        (int) Math.max(nBefore, before.length),
        (int) Math.max(nAfter, after.length),
        d);
  }

  /**
   * Whether a sample of {@code n} values holds its {@code q}-quantile: at least five values lie
   * beyond it. So p90 needs 50 samples, p95 100 and p99 500; a p99 of 17 samples is their maximum
   * under another name.
   */
  public static boolean holdsQuantile(double q, long n) {
    return n * (1 - q) >= 5 - 1e-9;
  }

  /**
   * The fewest samples that hold their {@code q}-quantile ({@link #holdsQuantile}): 100 for p95.
   */
  public static long samplesToHold(double q) {
    return (long) Math.ceil((5 - 1e-9) / (1 - q));
  }
}
