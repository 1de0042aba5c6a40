package dev.indexlab.gate;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.stats.Significance;

/**
 * When the gate calls a change a regression.
 *
 * @param time relative slow-down of the median that counts, when also significant (0.20 = 20%)
 * @param timeMs absolute slow-down of the median, in ms per call, that counts as well: the floor of
 *     {@link Significance} (a 0.04 ms drift of a 0.1 ms route is ×1.4, and no user sees it)
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
    double time,
    double timeMs,
    double buffers,
    long minBufferRise,
    long largeTableRows,
    boolean normalize) {
  /** Default {@link #time()}, in percent (the unit {@code --threshold} takes). */
  public static final int DEFAULT_TIME_PERCENT = 20;

  /** Default {@link #time()}: {@value #DEFAULT_TIME_PERCENT}%. */
  public static final double DEFAULT_TIME = DEFAULT_TIME_PERCENT / 100.0;

  /**
   * Default {@link #timeMs()}: 0.1 ms per call, twice {@link Significance#DEFAULT_FLOOR_MS}. That
   * floor counts a difference of exactly 0.05 ms, and {@code run} measures its two sides minutes
   * apart in one run; the gate compares with a baseline saved on another day or runner, where
   * untouched routes under 0.2 ms drift by 0.03–0.05 ms (issue 19). The default sits clear of that
   * drift, so such a drift never fails a build on time alone.
   */
  public static final double DEFAULT_TIME_MS = 2 * Significance.DEFAULT_FLOOR_MS;

  /** Default {@link #buffers()}, in percent (the unit {@code --buffers-threshold} takes). */
  public static final int DEFAULT_BUFFERS_PERCENT = 10;

  /** Default {@link #buffers()}: {@value #DEFAULT_BUFFERS_PERCENT}%. */
  public static final double DEFAULT_BUFFERS = DEFAULT_BUFFERS_PERCENT / 100.0;

  /** Default {@link #minBufferRise()}: 10 blocks (80 kB). */
  public static final long DEFAULT_MIN_BUFFER_RISE = 10;

  /** Default {@link #largeTableRows()}: 10,000 rows. */
  public static final long DEFAULT_LARGE_TABLE_ROWS = 10_000;

  /** Fewest unchanged routes the machine factor is computed from; fewer: no normalization. */
  public static final int MIN_ROUTES_FOR_FACTOR = 5;

  public GateThresholds {
    if (!(time >= 0) || Double.isInfinite(time)) {
      throw IndexlabException.usage(Setting.THRESHOLD + " must be a percentage >= 0");
    }
    if (!(timeMs >= 0) || Double.isInfinite(timeMs)) {
      throw IndexlabException.usage(Setting.THRESHOLD_MS + " must be a number of ms >= 0");
    }
    if (!(buffers >= 0) || Double.isInfinite(buffers)) {
      throw IndexlabException.usage(Setting.BUFFERS_THRESHOLD + " must be a percentage >= 0");
    }
    if (minBufferRise < 0) {
      throw new IllegalArgumentException("minBufferRise must be >= 0, got " + minBufferRise);
    }
    if (largeTableRows < 0) {
      throw IndexlabException.usage(Setting.LARGE_TABLE + " " + largeTableRows + ": must be >= 0");
    }
  }

  /** The defaults, normalizing times. */
  public static GateThresholds defaults() {
    return new GateThresholds(
        DEFAULT_TIME,
        DEFAULT_TIME_MS,
        DEFAULT_BUFFERS,
        DEFAULT_MIN_BUFFER_RISE,
        DEFAULT_LARGE_TABLE_ROWS,
        true);
  }

  public GateThresholds withTime(double t) {
    return new GateThresholds(t, timeMs, buffers, minBufferRise, largeTableRows, normalize);
  }

  public GateThresholds withTimeMs(double ms) {
    return new GateThresholds(time, ms, buffers, minBufferRise, largeTableRows, normalize);
  }

  public GateThresholds withBuffers(double b) {
    return new GateThresholds(time, timeMs, b, minBufferRise, largeTableRows, normalize);
  }

  public GateThresholds withLargeTableRows(long rows) {
    return new GateThresholds(time, timeMs, buffers, minBufferRise, rows, normalize);
  }

  public GateThresholds withNormalize(boolean n) {
    return new GateThresholds(time, timeMs, buffers, minBufferRise, largeTableRows, n);
  }

  /** The sample-level rule: {@link Significance} with {@link #timeMs()} as its floor. */
  public Significance significance() {
    return Significance.withFloor(timeMs);
  }
}
