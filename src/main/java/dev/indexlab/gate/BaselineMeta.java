package dev.indexlab.gate;

import java.util.Map;
import java.util.TreeMap;

/**
 * How and on what a {@link Baseline} was measured, so a later gate can refuse to compare unlike
 * things (another workload, scale or seed) and say what changed (files, server, profile).
 *
 * @param indexlabVersion the indexlab that measured
 * @param workload the workload's name
 * @param workloadDigest SHA-256 over the route files and the schema (see {@link WorkloadDigest})
 * @param files SHA-256 of each file in the digest, by path relative to the workload directory
 * @param source where the workload came from: its directory, or a git ref
 * @param scale the data scale, or null when indexlab did not seed the data
 * @param seed the data seed (and the seed of the parameter draws)
 * @param profile the JMH profile: name, forks, iterations and their length
 * @param rounds JMH runs per route (interleaved A/B: per side), pooled
 * @param explainDraws parameter draws explained per route
 * @param parameterSets parameter sets drawn for JMH per route
 * @param postgresVersion the server's {@code server_version}
 * @param date ISO-8601 instant the measurement started
 */
public record BaselineMeta(
    String indexlabVersion,
    String workload,
    String workloadDigest,
    Map<String, String> files,
    String source,
    Double scale,
    long seed,
    Profile profile,
    int rounds,
    int explainDraws,
    int parameterSets,
    String postgresVersion,
    String date) {

  public BaselineMeta {
    files = files == null ? Map.of() : new TreeMap<>(files);
  }

  /**
   * The JMH profile as measured.
   *
   * @param name the profile's name ({@code gate}, {@code quick}...)
   * @param forks forked JVMs per JMH run
   * @param warmupIterations warm-up iterations per fork
   * @param warmupMillis length of a warm-up iteration
   * @param measurementIterations measured iterations per fork
   * @param measurementMillis length of a measured iteration
   */
  public record Profile(
      String name,
      int forks,
      int warmupIterations,
      long warmupMillis,
      int measurementIterations,
      long measurementMillis) {}
}
