package dev.indexlab.stats;

import java.util.SplittableRandom;

/** Seeded latency samples for tests of the statistics and of the rules built on them. */
public final class SyntheticSamples {
  private SyntheticSamples() {}

  /** A lognormal latency sample (median {@code medianMs}, log-sd {@code sigma}), seeded. */
  public static double[] lognormal(int n, double medianMs, double sigma, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double u1 = r.nextDouble();
      double u2 = r.nextDouble();
      double z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
      out[i] = medianMs * Math.exp(sigma * z);
    }
    return out;
  }
}
