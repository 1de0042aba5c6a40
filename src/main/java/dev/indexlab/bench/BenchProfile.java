package dev.indexlab.bench;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
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
 *       bundled routes at scale 1: each fork also starts a JVM and samples parameters); where the
 *       route's expected time per call is known (in {@code run}), a slow route's iterations stretch
 *       and a fast one's shrink ({@link #iterationFor});
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
                    Setting.PROFILE + " " + name + ": unknown; use quick, standard or thorough"));
  }

  /** How many times its measurement iteration time an iteration may be stretched to. */
  static final int MAX_STRETCH = 4;

  /** How many times its measurement iteration time an iteration of a fast route may shrink to. */
  static final int MAX_SHRINK = 4;

  /**
   * Samples a fast route's iterations aim at together: ten times {@link Significance#MIN_SAMPLES},
   * so its medians are steady well past what the test needs.
   */
  static final int FAST_ROUTE_SAMPLES = 10 * Significance.MIN_SAMPLES;

  /**
   * The measurement iteration time for a route expected to take {@code expectedMs} per call. A
   * route whose profile iterations cannot hold {@link Significance#MIN_SAMPLES} samples (with a
   * quarter to spare) is stretched toward them, never past {@link #MAX_STRETCH} times the profile's
   * time (so quick measures a 150 ms route for at most 2 × 2 s: about 27 samples, and the pages say
   * how many). A fast route is measured until its iterations hold about {@link
   * #FAST_ROUTE_SAMPLES}, never shorter than the profile's time over {@link #MAX_SHRINK} (quick
   * measures a 0.2 ms route for 2 × 125 ms, about 1,250 samples, where the profile's 2 × 0.5 s
   * would take 5,000 that no decision needs). Unknown or non-positive expectations keep the
   * profile's time.
   */
  public Duration iterationFor(double expectedMs) {
    if (!(expectedMs > 0) || Double.isInfinite(expectedMs)) {
      return measurementTime;
    }
    long profileMs = measurementTime.toMillis();
    double neededMs = Significance.MIN_SAMPLES * expectedMs * 1.25 / measurementIterations;
    if (neededMs > profileMs) {
      return Duration.ofMillis(Math.min((long) Math.ceil(neededMs), profileMs * MAX_STRETCH));
    }
    double steadyMs = FAST_ROUTE_SAMPLES * expectedMs / measurementIterations;
    long shrunk = Math.max((long) Math.ceil(steadyMs), profileMs / MAX_SHRINK);
    return Duration.ofMillis(Math.min(shrunk, profileMs));
  }
}
