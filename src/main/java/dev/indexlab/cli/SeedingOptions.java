package dev.indexlab.cli;

import dev.indexlab.seed.Progress;
import dev.indexlab.seed.SeedOptions;
import picocli.CommandLine.Option;

/** The options that say what data to seed: {@code --scale}, {@code --seed}, {@code --force}. */
public final class SeedingOptions {
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

  @Option(
      names = "--force",
      description =
          "Replace rows that the workload's tables already hold; needed for any write to a"
              + " server given by a JDBC URL.")
  boolean force;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress display.")
  boolean quiet;

  /** The options as the seed step takes them. */
  public SeedOptions toOptions() {
    return new SeedOptions(scale, seed, force);
  }

  /** Progress on standard error (a live line on a terminal, log lines otherwise), or none. */
  public Progress progress() {
    return quiet ? Progress.quiet() : Progress.forStderr();
  }
}
