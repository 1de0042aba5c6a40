package dev.indexlab.seed;

/**
 * Deterministic pseudo-random numbers from SplitMix64, written out here so that the same seed gives
 * the same data on every JDK. Used two ways: as a sequence ({@link #nextLong()}) for the few
 * sequential decisions, and as a keyed hash ({@link #hash(long, long, long)}) so that any row's
 * values can be computed on their own, in any order and on any thread.
 */
public final class RowRandom {
  private static final long GOLDEN = 0x9e3779b97f4a7c15L;

  private long state;

  /** A sequence for one purpose ({@code stream}) of one seed. */
  public RowRandom(long seed, long stream) {
    this.state = mix(seed ^ mix(stream * GOLDEN));
  }

  public long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** Uniform in {@code [0, bound)}; {@code bound} must be positive. */
  public int nextInt(int bound) {
    return below(nextLong(), bound);
  }

  /** Uniform in {@code [lo, hi]}. */
  public int between(int lo, int hi) {
    return lo + nextInt(hi - lo + 1);
  }

  /** Uniform in {@code [0, 1)}. */
  public double nextDouble() {
    return unit(nextLong());
  }

  /** A standard normal deviate (Box-Muller with StrictMath, so it repeats across platforms). */
  public double nextGaussian() {
    double u1 = 1.0 - nextDouble();
    double u2 = nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }

  /** Shuffles {@code values} in place (Fisher-Yates). */
  public void shuffle(int[] values) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }

  /** The SplitMix64 finalizer: a bijection on 64-bit values with good avalanche. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** 64 random bits for row {@code index} of purpose {@code stream} under {@code seed}. */
  public static long hash(long seed, long stream, long index) {
    return mix(mix(seed ^ mix(stream * GOLDEN)) + (index + 1) * GOLDEN);
  }

  /** Maps 64 random bits to {@code [0, 1)}. */
  public static double unit(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }

  /** Maps 64 random bits to {@code [0, bound)} (Lemire's multiply-shift on the high half). */
  public static int below(long bits, int bound) {
    return (int) (((bits >>> 32) * bound) >>> 32);
  }
}
