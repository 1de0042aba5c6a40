package dev.indexlab.bench;

import dev.indexlab.bench.BenchResults.Stats;
import dev.indexlab.stats.SampleSummary;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * Reads JMH's result for one route. SampleTime mode keeps every sample's time (as value and count
 * pairs); its aggregated primary result spans all forks and iterations. {@link #stats} takes JMH's
 * own figures (its mean, 99.9% error and percentiles); {@link #summary} re-summarizes the raw
 * samples as the gate's {@link SampleSummary} (fixed log bins comparable across runs).
 */
public final class JmhStatistics {
  private JmhStatistics() {}

  /** JMH's statistics of the route's samples; JMH must have measured in milliseconds. */
  public static Stats stats(RunResult run) {
    Result<?> primary = run.getPrimaryResult();
    Statistics s = primary.getStatistics();
    double error = primary.getScoreError();
    return new Stats(
        "ms",
        s.getMean(),
        Double.isFinite(error) ? error : null,
        s.getN() > 1 ? s.getStandardDeviation() : 0,
        s.getMin(),
        s.getPercentile(50),
        s.getPercentile(90),
        s.getPercentile(95),
        s.getPercentile(99),
        s.getPercentile(99.9),
        s.getMax(),
        s.getN());
  }

  /** Every sample (in ms) summarized with {@link SampleSummary#of(double[])}. */
  public static SampleSummary summary(RunResult run) {
    return SampleSummary.of(samples(run.getPrimaryResult().getStatistics()));
  }

  /**
   * Every sample of the route's primary result (in ms, all forks and iterations), expanded from
   * JMH's (value, count) pairs in the order JMH keeps them. The gate keeps these to compare runs
   * with a bootstrap.
   */
  public static double[] samples(RunResult run) {
    return samples(run.getPrimaryResult().getStatistics());
  }

  /** The samples of {@code s}, expanded from JMH's (value, count) pairs. */
  static double[] samples(Statistics s) {
    double[] values = new double[Math.toIntExact(s.getN())];
    int n = 0;
    Iterator<Map.Entry<Double, Long>> it = s.getRawData();
    while (it.hasNext()) {
      Map.Entry<Double, Long> e = it.next();
      long count = e.getValue();
      if (n + count > values.length) {
        values = Arrays.copyOf(values, Math.toIntExact(n + count));
      }
      Arrays.fill(values, n, Math.toIntExact(n + count), e.getKey());
      n += (int) count;
    }
    return n == values.length ? values : Arrays.copyOf(values, n);
  }
}
