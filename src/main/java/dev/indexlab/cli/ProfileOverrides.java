package dev.indexlab.cli;

import dev.indexlab.IndexlabException;
import dev.indexlab.bench.BenchProfile;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The overrides of a JMH profile's forks, iterations and iteration time, shared by every command
 * that takes a {@code --profile} ({@code bench}, {@code run}, {@code baseline save}, {@code gate},
 * {@code upgrade-check}). They also make the short runs that tests and smoke checks need ({@code
 * --forks 0} measures in indexlab's own JVM, without a fork's isolation).
 */
final class ProfileOverrides {
  @Option(
      names = "--forks",
      paramLabel = "N",
      description = "Override the profile's forks (0: measure in this JVM, no isolation).")
  Integer forks;

  @Option(
      names = "--warmup-iterations",
      paramLabel = "N",
      description = "Override the profile's warm-up iterations.")
  Integer warmupIterations;

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

  /** True when no override was given. */
  boolean none() {
    return forks == null
        && warmupIterations == null
        && iterations == null
        && iterationSeconds == null;
  }

  /**
   * {@code p} unchanged when no override was given, else with each one given applied ({@code
   * --iteration-time} for warm-up and measurement) and its name ending in {@code +custom}. A bad
   * value is a usage error.
   */
  BenchProfile applyTo(BenchProfile p) {
    if (none()) {
      return p;
    }
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
