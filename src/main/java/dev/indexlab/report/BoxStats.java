package dev.indexlab.report;

import dev.indexlab.stats.SampleSummary;
import java.util.Arrays;

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
}
