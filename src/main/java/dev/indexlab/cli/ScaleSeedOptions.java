package dev.indexlab.cli;

import picocli.CommandLine.Option;

/** {@code --scale} and {@code --seed}: which data, for every command that seeds or names it. */
final class ScaleSeedOptions {
  @Option(
      names = "--scale",
      defaultValue = "1",
      paramLabel = "S",
      converter = ScaleConverter.class,
      description =
          "Data size: 1 = the write-up's 1,292,269 rows; every table but platforms and"
              + " ad_campaigns scales linearly (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "N",
      description = "Random seed; the same seed gives the same rows (default: ${DEFAULT-VALUE}).")
  long seed;
}
