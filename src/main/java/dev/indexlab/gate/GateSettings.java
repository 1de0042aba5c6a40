package dev.indexlab.gate;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.bench.BenchProfile;
import dev.indexlab.stats.SampleThinning;
import dev.indexlab.workload.ParameterSampler;
import java.time.Duration;
import java.util.Locale;

/**
 * How the gate measures each route.
 *
 * @param profile the JMH profile of one JMH run
 * @param rounds JMH runs per route and side, pooled; sides alternate within each round
 * @param explainDraws parameter draws explained per route, after a warm-up run; at least 1 (the
 *     command line checks it)
 * @param parameterSets parameter sets drawn for JMH per route
 * @param sampleCap most samples kept per route and side ({@link SampleThinning})
 */
public record GateSettings(
    BenchProfile profile, int rounds, int explainDraws, int parameterSets, int sampleCap) {

  /**
   * The gate's default profile: one fork, one 300 ms warm-up and three 400 ms measured iterations
   * per JMH run (what the documentation and {@code --help} always said; the code had 500 ms
   * iterations): 0.5 s less per route than that, and still over 100 samples for a 10 ms route.
   */
  public static final BenchProfile GATE =
      new BenchProfile("gate", 1, 1, Duration.ofMillis(300), 3, Duration.ofMillis(400));

  /**
   * The profile of one round of an interleaved A/B run: one fork, one 300 ms warm-up and two 500 ms
   * measured iterations; rounds pool the samples.
   */
  public static final BenchProfile ROUND =
      new BenchProfile("gate-round", 1, 1, Duration.ofMillis(300), 2, Duration.ofMillis(500));

  /** Default parameter draws explained per route. */
  public static final int DEFAULT_EXPLAIN_DRAWS = 3;

  /** Default rounds of an interleaved A/B run. */
  public static final int DEFAULT_AB_ROUNDS = 3;

  /** Default parameter sets per route: bench's default, so the draws are the same as bench's. */
  public static final int DEFAULT_PARAMETER_SETS = ParameterSampler.DEFAULT_POOL_SIZE;

  public GateSettings {
    if (rounds < 1) {
      throw IndexlabException.usage(Setting.ROUNDS + " " + rounds + ": must be at least 1");
    }
    if (parameterSets < explainDraws) {
      throw IndexlabException.usage(
          Setting.PARAMETER_SETS
              + " "
              + parameterSets
              + ": must be at least "
              + Setting.EXPLAIN_DRAWS);
    }
    if (sampleCap < 100) {
      throw IndexlabException.usage("sample cap " + sampleCap + ": must be at least 100");
    }
  }

  /** The settings of a baseline and of a gate against it: the gate profile, one round. */
  public static GateSettings baselineDefaults() {
    return new GateSettings(
        GATE, 1, DEFAULT_EXPLAIN_DRAWS, DEFAULT_PARAMETER_SETS, SampleThinning.DEFAULT_CAP);
  }

  /** The settings of an interleaved A/B run: the round profile, three rounds. */
  public static GateSettings interleavedDefaults() {
    return new GateSettings(
        ROUND,
        DEFAULT_AB_ROUNDS,
        DEFAULT_EXPLAIN_DRAWS,
        DEFAULT_PARAMETER_SETS,
        SampleThinning.DEFAULT_CAP);
  }

  /**
   * The profile called {@code name}: {@code gate}, {@code gate-round}, or one of bench's ({@code
   * quick}, {@code standard}, {@code thorough}).
   */
  public static BenchProfile profile(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    if (key.equals(GATE.name())) {
      return GATE;
    }
    if (key.equals(ROUND.name())) {
      return ROUND;
    }
    try {
      return BenchProfile.of(key);
    } catch (IndexlabException e) {
      throw IndexlabException.usage(
          Setting.PROFILE
              + " "
              + name
              + ": unknown; use gate, gate-round, quick, standard or thorough");
    }
  }

  public GateSettings withProfile(BenchProfile p) {
    return new GateSettings(p, rounds, explainDraws, parameterSets, sampleCap);
  }

  public GateSettings withRounds(int r) {
    return new GateSettings(profile, r, explainDraws, parameterSets, sampleCap);
  }

  public GateSettings withExplainDraws(int d) {
    return new GateSettings(profile, rounds, d, parameterSets, sampleCap);
  }

  public GateSettings withParameterSets(int n) {
    return new GateSettings(profile, rounds, explainDraws, n, sampleCap);
  }

  /** The profile as the baseline file records it. */
  public BaselineMeta.Profile metaProfile() {
    return new BaselineMeta.Profile(
        profile.name(),
        profile.forks(),
        profile.warmupIterations(),
        profile.warmupTime().toMillis(),
        profile.measurementIterations(),
        profile.measurementTime().toMillis());
  }
}
