package dev.indexlab.bench;

import dev.indexlab.IndexlabException;
import dev.indexlab.stats.Significance;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How long JMH measures each route: forks, warm-up and measurement iterations. The named profiles
 * trade time for confidence:
 *
 * <ul>
 *   <li>{@code quick}: 1 fork, 1 × 0.5 s warm-up, 2 × 0.5 s measured (about 40 seconds for the 16
 *       bundled routes at scale 1: each fork also starts a JVM and samples parameters);
 *   <li>{@code standard}: 1 fork, 2 × 2 s warm-up, 5 × 2 s measured;
 *   <li>{@code thorough}: 2 forks, 3 × 5 s warm-up, 10 × 5 s measured.
 * </ul>
 *
 * @param forks forked JVMs per route; 0 runs in the calling JVM (tests only: no isolation)
 */
public record BenchProfile(
    String name,
    int forks,
    int warmupIterations,
    Duration warmupTime,
    int measurementIterations,
    Duration measurementTime) {

  public static final BenchProfile QUICK =
      new BenchProfile("quick", 1, 1, Duration.ofMillis(500), 2, Duration.ofMillis(500));
  public static final BenchProfile STANDARD =
      new BenchProfile("standard", 1, 2, Duration.ofSeconds(2), 5, Duration.ofSeconds(2));
  public static final BenchProfile THOROUGH =
      new BenchProfile("thorough", 2, 3, Duration.ofSeconds(5), 10, Duration.ofSeconds(5));

  public BenchProfile {
    if (forks < 0 || warmupIterations < 0 || measurementIterations < 1) {
      throw new IllegalArgumentException("bad profile " + name);
    }
  }

  /** The named profiles, in order of duration. */
  public static List<BenchProfile> named() {
    return List.of(QUICK, STANDARD, THOROUGH);
  }

  /** The profile called {@code name}; a usage error naming the known ones otherwise. */
  public static BenchProfile of(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    return named().stream()
        .filter(p -> p.name().equals(key))
        .findFirst()
        .orElseThrow(
            () ->
                IndexlabException.usage(
                    "--profile " + name + ": unknown; use quick, standard or thorough"));
  }

  /** How many times its measurement iteration time an iteration may be stretched to. */
  static final int MAX_STRETCH = 4;

  /**
   * The measurement iteration time for a route expected to take {@code expectedMs} per call: long
   * enough for {@link Significance#MIN_SAMPLES} samples per fork (with a quarter to spare), never
   * shorter than {@link #measurementTime()} and never longer than {@link #MAX_STRETCH} times it (so
   * quick measures a 150 ms route for at most 2 × 2 s: about 27 samples, and the pages say how
   * many). Unknown or non-positive expectations keep the profile's time.
   */
  public Duration iterationFor(double expectedMs) {
    if (!(expectedMs > 0) || Double.isInfinite(expectedMs)) {
      return measurementTime;
    }
    double neededMs = Significance.MIN_SAMPLES * expectedMs * 1.25 / measurementIterations;
    long capped = Math.min((long) Math.ceil(neededMs), measurementTime.toMillis() * MAX_STRETCH);
    return Duration.ofMillis(Math.max(measurementTime.toMillis(), capped));
  }

  /** Seconds of measurement per fork, warm-up excluded. */
  public double measuredSeconds() {
    return measurementIterations * measurementTime.toMillis() / 1000.0;
  }
}
