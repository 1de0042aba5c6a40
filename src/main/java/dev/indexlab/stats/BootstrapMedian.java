package dev.indexlab.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws the median of bootstrap resamples of one sample without copying or sorting the resample.
 *
 * <p>The sample is sorted once. A resample of size n is drawn as n random indexes into the sorted
 * array; counting how often each index was drawn and walking the counts in order finds the
 * resample's middle order statistics in O(n), with no allocation per resample.
 */
final class BootstrapMedian {
  private final double[] sorted;
  private final int[] counts;

  /** {@code sorted} must be sorted ascending and non-empty; it is not copied. */
  BootstrapMedian(double[] sorted) {
    this.sorted = sorted;
    this.counts = new int[sorted.length];
  }

  /** The median of one resample drawn with {@code rng}. */
  double next(SplittableRandom rng) {
    int n = sorted.length;
    Arrays.fill(counts, 0);
    for (int i = 0; i < n; i++) {
      counts[rng.nextInt(n)]++;
    }
    int lowRank = (n - 1) / 2;
    int highRank = n / 2;
    int seen = 0;
    double low = 0;
    boolean lowFound = false;
    for (int j = 0; j < n; j++) {
      seen += counts[j];
      if (!lowFound && seen > lowRank) {
        low = sorted[j];
        lowFound = true;
      }
      if (seen > highRank) {
        return (low + sorted[j]) / 2;
      }
    }
    throw new IllegalStateException("resample counts do not add up to " + n);
  }
}
