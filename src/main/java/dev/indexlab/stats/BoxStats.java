package dev.indexlab.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The percentiles of a latency distribution a box plot draws, in milliseconds: whiskers from p5 to
 * p95, a box from p25 to p75, a median line and a p99 marker.
 */
public record BoxStats(double p5, double p25, double p50, double p75, double p95, double p99) {
  public BoxStats {
    double[] ordered = {p5, p25, p50, p75, p95, p99};
    for (int i = 0; i < ordered.length; i++) {
      if (!(ordered[i] > 0) || Double.isInfinite(ordered[i])) {
        throw new IllegalArgumentException(
            "percentiles must be finite and > 0: " + Arrays.toString(ordered));
      }
      if (i > 0 && ordered[i] < ordered[i - 1]) {
        throw new IllegalArgumentException(
            "percentiles must not decrease: " + Arrays.toString(ordered));
      }
    }
  }

  /** The percentiles of a sample summary. */
  public static BoxStats of(SampleSummary summary) {
    return new BoxStats(
        summary.p5(), summary.p25(), summary.p50(), summary.p75(), summary.p95(), summary.p99());
  }

  /**
   * The box of a timing that kept its exact p50, p95 and p99 (as JMH computed them) and a histogram
   * ({@link LogHistogram#buckets()}): p5, p25 and p75 come from the histogram ({@link
   * LogHistogram#quantile}). Empty when there is no histogram or no positive percentiles.
   */
  public static Optional<BoxStats> of(
      double p50, double p95, double p99, List<HistogramEntry> histogram) {
    if (histogram == null || histogram.isEmpty()) {
      return Optional.empty();
    }
    double p5 = LogHistogram.quantile(histogram, 0.05);
    double p25 = LogHistogram.quantile(histogram, 0.25);
    double p75 = LogHistogram.quantile(histogram, 0.75);
    if (!(p5 > 0 && p50 > 0 && p95 > 0 && p99 > 0)
        || !Double.isFinite(p25)
        || !Double.isFinite(p75)) {
      return Optional.empty();
    }
    // keep the order the record requires when the interpolated values cross the exact ones
    p95 = Math.max(p95, p50);
    p99 = Math.max(p99, p95);
    p25 = Math.min(Math.max(p25, Double.MIN_NORMAL), p50);
    p5 = Math.min(p5, p25);
    p75 = Math.min(Math.max(p75, p50), p95);
    return Optional.of(new BoxStats(p5, p25, p50, p75, p95, p99));
  }
}
