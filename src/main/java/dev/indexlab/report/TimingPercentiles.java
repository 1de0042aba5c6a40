package dev.indexlab.report;

import dev.indexlab.results.RunResults.Timing;
import java.util.List;
import java.util.Optional;

/**
 * The box of a latency distribution from a route's JMH timing: p50, p95 and p99 as JMH computed
 * them, and p5, p25 and p75 interpolated from the stored histogram (geometrically inside a bucket,
 * since buckets are log-spaced). Without a histogram there is no box.
 */
final class TimingPercentiles {
  private TimingPercentiles() {}

  /** The box, or empty when the timing has no histogram or no positive percentiles. */
  static Optional<BoxStats> box(Timing timing) {
    if (timing == null || timing.histogram() == null || timing.histogram().isEmpty()) {
      return Optional.empty();
    }
    double p5 = quantile(timing.histogram(), 0.05);
    double p25 = quantile(timing.histogram(), 0.25);
    double p75 = quantile(timing.histogram(), 0.75);
    double p50 = timing.p50();
    double p95 = timing.p95();
    double p99 = timing.p99();
    if (!(p5 > 0 && p50 > 0 && p95 > 0 && p99 > 0)
        || !Double.isFinite(p25)
        || !Double.isFinite(p75)) {
      return Optional.empty();
    }
    // keep the order BoxStats requires when the interpolated values cross JMH's exact ones
    p95 = Math.max(p95, p50);
    p99 = Math.max(p99, p95);
    p25 = Math.min(Math.max(p25, Double.MIN_NORMAL), p50);
    p5 = Math.min(p5, p25);
    p75 = Math.min(Math.max(p75, p50), p95);
    return Optional.of(new BoxStats(p5, p25, p50, p75, p95, p99));
  }

  /**
   * The q-quantile of a histogram whose entries are {@code {from, to, count}} buckets or {@code
   * {value, count}} pairs, in ascending order; NaN when it holds no samples.
   */
  static double quantile(List<double[]> histogram, double q) {
    double total = 0;
    for (double[] e : histogram) {
      total += count(e);
    }
    if (total <= 0) {
      return Double.NaN;
    }
    double target = q * total;
    double seen = 0;
    for (double[] e : histogram) {
      double n = count(e);
      if (n <= 0) {
        continue;
      }
      if (seen + n >= target) {
        if (e.length < 3) {
          return e[0];
        }
        double f = (target - seen) / n;
        double from = e[0];
        double to = e[1];
        return from > 0 && to > 0 ? from * Math.pow(to / from, f) : from + (to - from) * f;
      }
      seen += n;
    }
    double[] last = histogram.get(histogram.size() - 1);
    return last.length < 3 ? last[0] : last[1];
  }

  private static double count(double[] entry) {
    return entry.length >= 3 ? entry[2] : entry.length == 2 ? entry[1] : 0;
  }
}
