package dev.indexlab.bench;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.workload.ParameterSampler;
import java.nio.file.Path;

/**
 * What a {@code bench} run does besides choosing routes.
 *
 * @param profile how long JMH measures each route
 * @param threads concurrent clients (JMH threads), each with its own connection
 * @param commit commit each invocation instead of rolling it back (changes the data)
 * @param seed seed of the parameter pools (default 1)
 * @param parameterSets parameter sets drawn per route (default 1,000)
 * @param scale the seeded scale, recorded in the results; null when indexlab did not seed
 * @param scenario name of the scenario; results go to {@code resultsDir/scenario/}
 * @param resultsDir the results folder (default {@code results})
 */
public record BenchSettings(
    BenchProfile profile,
    int threads,
    boolean commit,
    long seed,
    int parameterSets,
    Double scale,
    String scenario,
    Path resultsDir) {

  public BenchSettings {
    if (threads < 1) {
      throw IndexlabException.usage(Setting.THREADS + " " + threads + ": must be at least 1");
    }
    if (parameterSets < 1) {
      throw IndexlabException.usage(
          Setting.PARAMETER_SETS + " " + parameterSets + ": must be at least 1");
    }
    if (scenario == null || !scenario.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw IndexlabException.usage(
          Setting.SCENARIO + " " + scenario + ": use letters, digits, '.', '_' and '-'");
    }
  }

  /** The defaults: quick profile, one thread, rolled back, seed 1, 1,000 sets, "baseline". */
  public static BenchSettings defaults() {
    return new BenchSettings(
        BenchProfile.QUICK,
        1,
        false,
        1,
        ParameterSampler.DEFAULT_POOL_SIZE,
        null,
        "baseline",
        Path.of("results"));
  }

  public BenchSettings withProfile(BenchProfile p) {
    return new BenchSettings(p, threads, commit, seed, parameterSets, scale, scenario, resultsDir);
  }

  /** The same settings for another scenario (results go to {@code resultsDir/name/}). */
  public BenchSettings withScenario(String name) {
    return new BenchSettings(
        profile, threads, commit, seed, parameterSets, scale, name, resultsDir);
  }

  public BenchSettings withScale(Double s) {
    return new BenchSettings(
        profile, threads, commit, seed, parameterSets, s, scenario, resultsDir);
  }

  /** The folder of this scenario's result files. */
  public Path scenarioDir() {
    return resultsDir.resolve(scenario);
  }
}
