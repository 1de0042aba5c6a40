package dev.indexlab.cli;

import dev.indexlab.bench.BenchProfile;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How long JMH measures each route: {@code --profile} and the overrides of its forks, iterations
 * and iteration time ({@link ProfileOverrides}). Shared by {@code bench} and {@code run}.
 */
final class ProfileOptions {
  @Option(
      names = "--profile",
      defaultValue = "quick",
      paramLabel = "NAME",
      description =
          "quick (1 fork, 1x0.5 s warm-up, 2x0.5 s), standard (1 fork, 2x2 s, 5x2 s) or thorough"
              + " (2 forks, 3x5 s, 10x5 s). Default: ${DEFAULT-VALUE}.")
  String profile;

  @Mixin ProfileOverrides overrides;

  /** The named profile with any overrides applied (its name then ends in {@code +custom}). */
  public BenchProfile profile() {
    return overrides.applyTo(BenchProfile.of(profile));
  }
}
