package dev.indexlab.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compact histogram on log-spaced bins, small enough to keep in a results or baseline file in
 * place of every sample.
 *
 * <p>Bins are anchored at powers of ten, not at the data: with {@code binsPerDecade = 10}, bin
 * {@code k} covers {@code [10^(k/10), 10^((k+1)/10))}, so bin 0 starts at 1, bin 10 at 10, bin -10
 * at 0.1. Histograms with the same {@code binsPerDecade} are therefore comparable bin by bin
 * whatever their data. {@code counts[i]} is the count of bin {@code firstBin + i}; the stored range
 * runs from the lowest to the highest non-empty bin. Values below {@link #FLOOR} (including 0)
 * count in the bin of {@code FLOOR}.
 *
 * <p>Serializes with Jackson as {@code {"binsPerDecade":10,"firstBin":-3,"counts":[2,5,1]}}.
 *
 * @param binsPerDecade bins per factor of ten, 1 to 100
 * @param firstBin the bin number of {@code counts[0]}
 * @param counts samples per bin (copied; never null)
 */
public record LogHistogram(int binsPerDecade, int firstBin, long[] counts) {
  /** Default resolution: 10 bins per decade, each about 26% wide. */
  public static final int DEFAULT_BINS_PER_DECADE = 10;

  /** Smallest value with a bin of its own (10⁻⁶, one nanosecond when values are in ms). */
  public static final double FLOOR = 1e-6;

  public LogHistogram {
    if (binsPerDecade < 1 || binsPerDecade > 100) {
      throw new IllegalArgumentException("binsPerDecade must be 1 to 100, got " + binsPerDecade);
    }
    if (counts == null) {
      throw new IllegalArgumentException("counts must not be null");
    }
    counts = counts.clone();
    for (long c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException("counts must not be negative");
      }
    }
  }

  /** Bins {@code samples} (finite, non-negative values). */
  public static LogHistogram of(double[] samples, int binsPerDecade) {
    if (samples.length == 0) {
      return new LogHistogram(binsPerDecade, 0, new long[0]);
    }
    int[] bins = new int[samples.length];
    int low = Integer.MAX_VALUE;
    int high = Integer.MIN_VALUE;
    for (int i = 0; i < samples.length; i++) {
      double v = samples[i];
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("cannot bin " + v + "; values must be finite and >= 0");
      }
      bins[i] = binOf(v, binsPerDecade);
      low = Math.min(low, bins[i]);
      high = Math.max(high, bins[i]);
    }
    long[] counts = new long[high - low + 1];
    for (int bin : bins) {
      counts[bin - low]++;
    }
    return new LogHistogram(binsPerDecade, low, counts);
  }

  /** The bin number that holds {@code value}. */
  public static int binOf(double value, int binsPerDecade) {
    return (int) Math.floor(StrictMath.log10(Math.max(value, FLOOR)) * binsPerDecade);
  }

  /** A copy of the counts. */
  @Override
  public long[] counts() {
    return counts.clone();
  }

  /** Number of stored bins. */
  public int size() {
    return counts.length;
  }

  /** Count of stored bin {@code i} (0-based within {@code counts}). */
  public long count(int i) {
    return counts[i];
  }

  /** Total number of samples. */
  public long total() {
    long sum = 0;
    for (long c : counts) {
      sum += c;
    }
    return sum;
  }

  /** Lower edge of stored bin {@code i}. */
  public double lowerEdge(int i) {
    return StrictMath.pow(10, (double) (firstBin + i) / binsPerDecade);
  }

  /** Upper edge of stored bin {@code i} (the lower edge of the next). */
  public double upperEdge(int i) {
    return lowerEdge(i + 1);
  }

  /**
   * The non-empty bins as buckets in ascending order: the form a results file keeps a histogram in,
   * and that {@link #quantile(List, double)} reads.
   */
  public List<HistogramEntry> buckets() {
    List<HistogramEntry> buckets = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        buckets.add(new HistogramEntry(lowerEdge(i), upperEdge(i), counts[i]));
      }
    }
    return buckets;
  }

  /**
   * The q-quantile of a histogram kept as buckets (as {@link #buckets()} writes them) or values, in
   * ascending order; NaN when it holds no samples. Inside a bucket the value is interpolated
   * geometrically, since bins are log-spaced.
   */
  public static double quantile(List<HistogramEntry> entries, double q) {
    double total = 0;
    for (HistogramEntry e : entries) {
      total += e.count();
    }
    if (total <= 0) {
      return Double.NaN;
    }
    double target = q * total;
    double seen = 0;
    for (HistogramEntry e : entries) {
      double n = e.count();
      if (n <= 0) {
        continue;
      }
      if (seen + n >= target) {
        if (e.isValue()) {
          return e.from();
        }
        double f = (target - seen) / n;
        double from = e.from();
        double to = e.to();
        return from > 0 && to > 0 ? from * Math.pow(to / from, f) : from + (to - from) * f;
      }
      seen += n;
    }
    return entries.get(entries.size() - 1).to();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogHistogram h
        && h.binsPerDecade == binsPerDecade
        && h.firstBin == firstBin
        && Arrays.equals(h.counts, counts);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * binsPerDecade + firstBin) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "LogHistogram[binsPerDecade="
        + binsPerDecade
        + ", firstBin="
        + firstBin
        + ", counts="
        + Arrays.toString(counts)
        + "]";
  }
}
