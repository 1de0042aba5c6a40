package dev.indexlab.seed;

import java.math.BigDecimal;

/**
 * What to seed: the scale (1 = the write-up's 1,292,269 rows), the random seed (the same seed gives
 * the same rows), and whether existing rows may be replaced ({@code force}: the only way indexlab
 * truncates or drops anything on a server it does not own).
 */
public record SeedOptions(double scale, long seed, boolean force) {
  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 42;

  /** Scale 1, the default seed, no force. */
  public static SeedOptions defaults() {
    return new SeedOptions(1.0, DEFAULT_SEED, false);
  }

  /** A scale as the user would write it: {@code 1}, {@code 0.01}, {@code 2.5}. */
  public static String show(double scale) {
    if (Double.isNaN(scale) || Double.isInfinite(scale)) {
      return String.valueOf(scale);
    }
    return BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString();
  }

  public SeedOptions withScale(double newScale) {
    return new SeedOptions(newScale, seed, force);
  }

  public SeedOptions withSeed(long newSeed) {
    return new SeedOptions(scale, newSeed, force);
  }

  public SeedOptions withForce(boolean newForce) {
    return new SeedOptions(scale, seed, newForce);
  }
}
