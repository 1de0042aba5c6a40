package dev.indexlab.bench;

import dev.indexlab.bench.BenchResults.Histogram;
import dev.indexlab.bench.BenchResults.Stats;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * Turns JMH's result for one route into indexlab's {@link Stats} and {@link Histogram}. The numbers
 * are JMH's own: SampleTime mode keeps every sample's time (in a histogram of fine buckets), and
 * its aggregated primary result spans all forks and iterations.
 */
public final class SampleSummary {
  /** Buckets in the histogram written to bench.json. */
  static final int BUCKETS = 24;

  private SampleSummary() {}

  /** The statistics of the route's samples; JMH must have measured in milliseconds. */
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

  /** The samples in {@link #BUCKETS} log-spaced buckets from the minimum to the maximum. */
  public static Histogram histogram(RunResult run) {
    TreeMap<Double, Long> raw = new TreeMap<>();
    Iterator<Map.Entry<Double, Long>> it = run.getPrimaryResult().getStatistics().getRawData();
    while (it.hasNext()) {
      Map.Entry<Double, Long> e = it.next();
      raw.merge(e.getKey(), e.getValue(), Long::sum);
    }
    return histogram(raw);
  }

  /** Buckets the (value, count) pairs of {@code raw}. */
  static Histogram histogram(TreeMap<Double, Long> raw) {
    List<Histogram.Bucket> buckets = new ArrayList<>();
    if (raw.isEmpty()) {
      return new Histogram("ms", buckets);
    }
    double min = raw.firstKey();
    double max = raw.lastKey();
    if (min == max) {
      long n = raw.values().stream().mapToLong(Long::longValue).sum();
      buckets.add(new Histogram.Bucket(min, max, n));
      return new Histogram("ms", buckets);
    }
    double[] bounds = bounds(min, max);
    long[] counts = new long[BUCKETS];
    int b = 0;
    for (Map.Entry<Double, Long> e : raw.entrySet()) {
      while (b < BUCKETS - 1 && e.getKey() >= bounds[b + 1]) {
        b++;
      }
      counts[b] += e.getValue();
    }
    for (int i = 0; i < BUCKETS; i++) {
      buckets.add(new Histogram.Bucket(bounds[i], bounds[i + 1], counts[i]));
    }
    return new Histogram("ms", buckets);
  }

  private static double[] bounds(double min, double max) {
    double[] bounds = new double[BUCKETS + 1];
    boolean log = min > 0;
    for (int i = 0; i <= BUCKETS; i++) {
      double f = (double) i / BUCKETS;
      bounds[i] = log ? min * Math.pow(max / min, f) : min + (max - min) * f;
    }
    bounds[0] = min;
    bounds[BUCKETS] = max;
    return bounds;
  }
}
