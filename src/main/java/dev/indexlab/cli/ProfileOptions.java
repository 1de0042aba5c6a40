package dev.indexlab.cli;

import dev.indexlab.IndexlabException;
import dev.indexlab.bench.BenchProfile;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How long JMH measures each route: {@code --profile} and the overrides of its forks, iterations
 * and iteration time. Shared by {@code bench} and {@code run}; the overrides also make the short
 * runs that tests and smoke checks need ({@code --forks 0} measures in indexlab's own JVM, without
 * a fork's isolation).
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

  @Option(
      names = "--forks",
      paramLabel = "N",
      description = "Override the profile's forks (0: measure in this JVM, no isolation).")
  Integer forks;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      description = "Override the profile's measurement iterations.")
  Integer iterations;

  @Option(
      names = "--iteration-time",
      paramLabel = "SECONDS",
      description = "Override the profile's iteration time (warm-up and measurement).")
  Double iterationSeconds;

  @Option(
      names = "--warmup-iterations",
      paramLabel = "N",
      description = "Override the profile's warm-up iterations.")
  Integer warmupIterations;

  /** The named profile with any overrides applied (its name then ends in {@code +custom}). */
  public BenchProfile profile() {
    BenchProfile p = BenchProfile.of(profile);
    if (forks == null
        && iterations == null
        && iterationSeconds == null
        && warmupIterations == null) {
      return p;
    }
    return withOverrides(p, forks, warmupIterations, iterationSeconds, iterations);
  }

  /**
   * {@code p} with each override that is not null ({@code --forks}, {@code --warmup-iterations},
   * {@code --iteration-time} for warm-up and measurement, {@code --iterations}); its name then ends
   * in {@code +custom}. A bad value is a usage error.
   */
  static BenchProfile withOverrides(
      BenchProfile p,
      Integer forks,
      Integer warmupIterations,
      Double iterationSeconds,
      Integer iterations) {
    if (iterationSeconds != null && !(iterationSeconds > 0)) {
      throw IndexlabException.usage("--iteration-time must be positive, was " + iterationSeconds);
    }
    Duration time =
        iterationSeconds == null ? null : Duration.ofMillis(Math.round(iterationSeconds * 1000));
    try {
      return new BenchProfile(
          p.name() + "+custom",
          forks == null ? p.forks() : forks,
          warmupIterations == null ? p.warmupIterations() : warmupIterations,
          time == null ? p.warmupTime() : time,
          iterations == null ? p.measurementIterations() : iterations,
          time == null ? p.measurementTime() : time);
    } catch (IllegalArgumentException e) {
      throw IndexlabException.usage(
          "--forks/--iterations/--warmup-iterations: must be >= 0 (iterations >= 1)");
    }
  }
}
