package dev.indexlab.stats;

import java.util.Arrays;
import java.util.stream.LongStream;

/**
 * What a results or baseline file keeps of a latency sample instead of every value: count, moments,
 * percentiles and a {@link LogHistogram}.
 *
 * <p>Percentiles use linear interpolation between closest ranks (Hyndman and Fan's type 7, the
 * default of R, NumPy and spreadsheet {@code PERCENTILE.INC}): for a sorted sample x<sub>0</sub> …
 * x<sub>n-1</sub>, the q-quantile is at position h = (n − 1)·q, interpolating between x<sub>⌊h⌋
 * </sub> and x<sub>⌈h⌉</sub>. So p50 of an even-sized sample is the mean of the middle two, and
 * p0/p100 are min/max. {@code stddev} is the sample standard deviation (divisor n − 1; 0 when n =
 * 1).
 *
 * <p>A record of numbers and one nested record, it serializes to and from JSON with Jackson as is.
 *
 * @param n number of samples
 * @param mean arithmetic mean
 * @param stddev sample standard deviation
 * @param min smallest sample
 * @param p5 5th percentile
 * @param p25 25th percentile
 * @param p50 median
 * @param p75 75th percentile
 * @param p90 90th percentile
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max largest sample
 * @param histogram log-binned counts of all samples
 */
public record SampleSummary(
    int n,
    double mean,
    double stddev,
    double min,
    double p5,
    double p25,
    double p50,
    double p75,
    double p90,
    double p95,
    double p99,
    double max,
    LogHistogram histogram) {

  /** Summarizes {@code samples} with {@link LogHistogram#DEFAULT_BINS_PER_DECADE}. */
  public static SampleSummary of(double[] samples) {
    return of(samples, LogHistogram.DEFAULT_BINS_PER_DECADE);
  }

  /**
   * Summarizes {@code samples} (not modified).
   *
   * @throws IllegalArgumentException when {@code samples} is empty or holds a value that is not
   *     finite and non-negative
   */
  public static SampleSummary of(double[] samples, int binsPerDecade) {
    if (samples == null || samples.length == 0) {
      throw new IllegalArgumentException("cannot summarize an empty sample");
    }
    LogHistogram histogram = LogHistogram.of(samples, binsPerDecade); // validates the values
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    double mean = sum / n;
    double squares = 0;
    for (double v : sorted) {
      squares += (v - mean) * (v - mean);
    }
    double stddev = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
    return new SampleSummary(
        n,
        mean,
        stddev,
        sorted[0],
        quantile(sorted, 0.05),
        quantile(sorted, 0.25),
        quantile(sorted, 0.50),
        quantile(sorted, 0.75),
        quantile(sorted, 0.90),
        quantile(sorted, 0.95),
        quantile(sorted, 0.99),
        sorted[n - 1],
        histogram);
  }

  /** The median of {@code values} ({@link #quantile} at 0.5 of a sorted copy; not modified). */
  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return quantile(sorted, 0.5);
  }

  /**
   * The lower median of counts: with an even number of them, the lower of the two middle values, so
   * the figure is always one that was measured; -1 when there are none.
   */
  public static long lowerMedian(LongStream counts) {
    long[] sorted = counts.sorted().toArray();
    return sorted.length == 0 ? -1 : sorted[(sorted.length - 1) / 2];
  }

  /**
   * The {@code q}-quantile of an ascending, non-empty array by linear interpolation between closest
   * ranks (type 7, see the class comment).
   *
   * @param q in [0, 1]
   */
  public static double quantile(double[] sortedAscending, double q) {
    if (sortedAscending.length == 0) {
      throw new IllegalArgumentException("quantile of an empty array");
    }
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("q must be in [0, 1], got " + q);
    }
    double h = (sortedAscending.length - 1) * q;
    int below = (int) Math.floor(h);
    int above = Math.min(below + 1, sortedAscending.length - 1);
    double fraction = h - below;
    double low = sortedAscending[below];
    return fraction == 0 ? low : low + fraction * (sortedAscending[above] - low);
  }
}
