package dev.indexlab.seed;

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
