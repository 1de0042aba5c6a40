package dev.indexlab.cli;

import picocli.CommandLine.Option;

/** The {@code --draws} option of {@code run} and {@code explain}. */
final class DrawsOption {
  @Option(
      names = "--draws",
      defaultValue = "5",
      paramLabel = "N",
      description =
          "EXPLAIN parameter draws per route; the median is kept (default: ${DEFAULT-VALUE}).")
  int draws;

  /** The draws asked for; a usage error when fewer than one. */
  int value() {
    OptionChecks.atLeast("--draws", draws, 1);
    return draws;
  }
}
