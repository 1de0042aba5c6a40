package dev.indexlab.gate;

import dev.indexlab.IndexlabException;

/**
 * When the gate calls a change a regression.
 *
 * @param time relative slow-down of the median that counts, when also significant (0.20 = 20%)
 * @param buffers relative rise of shared buffers per execution that fails (0.10 = 10%)
 * @param minBufferRise a buffers rise must also be at least this many blocks (a 3 → 4 block index
 *     lookup is +33% and nothing to fail a build for)
 * @param largeTableRows a sequential scan fails only on a table of at least this many rows (planner
 *     estimate): scanning a small lookup table is often the best plan
 * @param normalize divide current times by the machine factor (the median ratio over the routes
 *     whose plans and buffers did not change) before comparing: for a stored baseline measured on
 *     another machine or day; not for interleaved A/B, where drift cancels
 */
public record GateThresholds(
    double time, double buffers, long minBufferRise, long largeTableRows, boolean normalize) {
  /** Default {@link #time()}: 20%. */
  public static final double DEFAULT_TIME = 0.20;

  /** Default {@link #buffers()}: 10%. */
  public static final double DEFAULT_BUFFERS = 0.10;

  /** Default {@link #minBufferRise()}: 10 blocks (80 kB). */
  public static final long DEFAULT_MIN_BUFFER_RISE = 10;

  /** Default {@link #largeTableRows()}: 10,000 rows. */
  public static final long DEFAULT_LARGE_TABLE_ROWS = 10_000;

  /** Fewest unchanged routes the machine factor is computed from; fewer: no normalization. */
  public static final int MIN_ROUTES_FOR_FACTOR = 5;

  public GateThresholds {
    if (!(time >= 0) || Double.isInfinite(time)) {
      throw IndexlabException.usage("--threshold must be a percentage >= 0");
    }
    if (!(buffers >= 0) || Double.isInfinite(buffers)) {
      throw IndexlabException.usage("--buffers-threshold must be a percentage >= 0");
    }
    if (minBufferRise < 0) {
      throw new IllegalArgumentException("minBufferRise must be >= 0, got " + minBufferRise);
    }
    if (largeTableRows < 0) {
      throw IndexlabException.usage("--large-table " + largeTableRows + ": must be >= 0");
    }
  }

  /** The defaults, normalizing times. */
  public static GateThresholds defaults() {
    return new GateThresholds(
        DEFAULT_TIME, DEFAULT_BUFFERS, DEFAULT_MIN_BUFFER_RISE, DEFAULT_LARGE_TABLE_ROWS, true);
  }

  public GateThresholds withTime(double t) {
    return new GateThresholds(t, buffers, minBufferRise, largeTableRows, normalize);
  }

  public GateThresholds withBuffers(double b) {
    return new GateThresholds(time, b, minBufferRise, largeTableRows, normalize);
  }

  public GateThresholds withLargeTableRows(long rows) {
    return new GateThresholds(time, buffers, minBufferRise, rows, normalize);
  }

  public GateThresholds withNormalize(boolean n) {
    return new GateThresholds(time, buffers, minBufferRise, largeTableRows, n);
  }
}
