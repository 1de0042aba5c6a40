package dev.indexlab.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --draws} option of {@code run} and {@code explain}, and the one check of a draw count
 * (the gate's {@code --explain-draws} too): both count the parameter draws the capture engine
 * explains per route after its warm-up run.
 */
final class DrawsOption {
  @Option(
      names = "--draws",
      defaultValue = "5",
      paramLabel = "N",
      description =
          "EXPLAIN parameter draws per route, after one warm-up run of the route; the median is"
              + " kept (default: ${DEFAULT-VALUE}).")
  int draws;

  /** The draws asked for; a usage error when fewer than one. */
  int value() {
    return checked("--draws", draws);
  }

  /** A draw count given as {@code option}: at least one, else a usage error naming it. */
  static int checked(String option, int draws) {
    OptionChecks.atLeast(option, draws, 1);
    return draws;
  }
}
