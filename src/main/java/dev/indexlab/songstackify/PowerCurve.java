package dev.indexlab.songstackify;

/**
 * {@code u^exponent} for {@code u} in {@code [0, 1)}, from a table of 4,097 points computed once
 * with {@link StrictMath#pow} and linear interpolation between them. Used per row to skew random
 * picks toward low ids: the table is as deterministic as StrictMath (only IEEE arithmetic on top)
 * and much cheaper per call, and it keeps the large FdLibm pow routine out of the JIT's way.
 */
final class PowerCurve {
  private static final int STEPS = 4096;

  private final double[] table = new double[STEPS + 1];

  PowerCurve(double exponent) {
    for (int i = 0; i <= STEPS; i++) {
      table[i] = StrictMath.pow((double) i / STEPS, exponent);
    }
  }

  /** Approximately {@code u^exponent}; exact at multiples of 1/4096, never 1 or more. */
  double at(double u) {
    double x = u * STEPS;
    int i = (int) x;
    double frac = x - i;
    double v = table[i] + (table[i + 1] - table[i]) * frac;
    return Math.min(v, Math.nextDown(1.0));
  }
}
