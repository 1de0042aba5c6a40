package dev.indexlab.stats;

import java.util.Arrays;

/**
 * Reduces a latency sample to at most {@code cap} values, deterministically, so a baseline file
 * stays small and the bootstrap stays fast while keeping the sample's shape.
 *
 * <p>The sample is sorted and the values at evenly spaced ranks are kept: value {@code i} of the
 * result is the order statistic of rank {@code floor((i + 0.5) · n / cap)}, the middle of the
 * {@code i}-th of {@code cap} equal slices. Each kept value stands for {@code n / cap} samples; the
 * thinned sample has the quantiles of the original, and the same input always gives the same output
 * (no random generator). A sample of at most {@code cap} values is returned sorted and otherwise
 * unchanged.
 *
 * <p>For the statistics this is conservative: the thinned sample is as precise as the full one, but
 * the bootstrap and the rank test treat it as {@code cap} independent draws, so they see more
 * uncertainty than there is.
 */
public final class SampleThinning {
  /** The default cap: 5,000 samples per route and side. */
  public static final int DEFAULT_CAP = 5_000;

  private SampleThinning() {}

  /** At most {@code cap} values of {@code samples}, ascending (the input is not modified). */
  public static double[] thin(double[] samples, int cap) {
    if (cap < 1) {
      throw new IllegalArgumentException("cap must be at least 1, got " + cap);
    }
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    if (n <= cap) {
      return sorted;
    }
    double[] out = new double[cap];
    for (int i = 0; i < cap; i++) {
      long rank = (long) Math.floor((i + 0.5) * n / cap);
      out[i] = sorted[(int) Math.min(rank, n - 1)];
    }
    return out;
  }
}
