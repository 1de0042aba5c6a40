package dev.indexlab.cli;

import dev.indexlab.gate.GateThresholds;
import picocli.CommandLine.Option;

/**
 * The thresholds a route's change must cross to fail: shared by {@code gate} and {@code
 * upgrade-check}.
 */
final class GateThresholdOptions {
  @Option(
      names = "--threshold",
      defaultValue = "" + GateThresholds.DEFAULT_TIME_PERCENT + "%",
      converter = PercentConverter.class,
      paramLabel = "PCT",
      description =
          "Slow-down of the median that fails, when significant. Default: ${DEFAULT-VALUE}.")
  double threshold;

  @Option(
      names = "--threshold-ms",
      defaultValue = "" + GateThresholds.DEFAULT_TIME_MS,
      paramLabel = "MS",
      description =
          "...and by at least this many ms per call; a route slower on time alone (plans and"
              + " buffers unchanged) is also measured again before it fails. Default: ${DEFAULT-VALUE}.")
  double thresholdMs;

  @Option(
      names = "--buffers-threshold",
      defaultValue = "" + GateThresholds.DEFAULT_BUFFERS_PERCENT + "%",
      converter = PercentConverter.class,
      paramLabel = "PCT",
      description = "Rise of shared buffers per execution that fails. Default: ${DEFAULT-VALUE}.")
  double buffersThreshold;

  @Option(
      names = "--large-table",
      defaultValue = "" + GateThresholds.DEFAULT_LARGE_TABLE_ROWS,
      paramLabel = "ROWS",
      description =
          "A new Seq Scan fails on tables of at least this many rows. Default: ${DEFAULT-VALUE}.")
  long largeTable;

  /** Checks the numbers given, before anything starts; a bad one is a usage error. */
  void check() {
    OptionChecks.atLeast("--large-table", largeTable, 0);
  }

  /** The defaults with these options applied. */
  GateThresholds thresholds() {
    return GateThresholds.defaults()
        .withTime(threshold)
        .withTimeMs(thresholdMs)
        .withBuffers(buffersThreshold)
        .withLargeTableRows(largeTable);
  }
}
