package dev.indexlab.capture;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code indexlab capture} does: where the workload goes, which statements it takes ({@code
 * top} at most, at least {@code minCalls} calls each, until {@code share} of the total time is
 * covered), whether statements come from a server log instead of pg_stat_statements, and whether
 * {@code schema.sql} is dumped with {@code pgDump}.
 */
public record CaptureSettings(
    Path out,
    int top,
    long minCalls,
    double share,
    Optional<Path> log,
    boolean schema,
    Optional<Path> pgDump) {

  /** Defaults: 50 statements at most, any number of calls, 95% of the time. */
  public static CaptureSettings defaults(Path out) {
    return new CaptureSettings(out, 50, 1, 0.95, Optional.empty(), false, Optional.empty());
  }
}
