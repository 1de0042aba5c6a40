package dev.indexlab.report;

import dev.indexlab.results.RunResults.Timing;
import dev.indexlab.stats.LogHistogram;
import dev.indexlab.stats.SampleSummary;
import java.util.Arrays;
import java.util.Optional;

/**
 * The percentiles one row of {@link SvgDistributionChart} draws, in milliseconds: whiskers from p5
 * to p95, a box from p25 to p75, a median line and a p99 marker.
 */
record BoxStats(double p5, double p25, double p50, double p75, double p95, double p99) {
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
   * The box of a route's timing: p50, p95 and p99 as JMH computed them, and p5, p25 and p75 from
   * the stored histogram ({@link LogHistogram#quantile(java.util.List, double)}). Empty when the
   * timing has no histogram or no positive percentiles.
   */
  static Optional<BoxStats> of(Timing timing) {
    if (timing == null || timing.histogram() == null || timing.histogram().isEmpty()) {
      return Optional.empty();
    }
    double p5 = LogHistogram.quantile(timing.histogram(), 0.05);
    double p25 = LogHistogram.quantile(timing.histogram(), 0.25);
    double p75 = LogHistogram.quantile(timing.histogram(), 0.75);
    double p50 = timing.p50();
    double p95 = timing.p95();
    double p99 = timing.p99();
    if (!(p5 > 0 && p50 > 0 && p95 > 0 && p99 > 0)
        || !Double.isFinite(p25)
        || !Double.isFinite(p75)) {
      return Optional.empty();
    }
    // keep the order the record requires when the interpolated values cross JMH's exact ones
    p95 = Math.max(p95, p50);
    p99 = Math.max(p99, p95);
    p25 = Math.min(Math.max(p25, Double.MIN_NORMAL), p50);
    p5 = Math.min(p5, p25);
    p75 = Math.min(Math.max(p75, p50), p95);
    return Optional.of(new BoxStats(p5, p25, p50, p75, p95, p99));
  }
}
