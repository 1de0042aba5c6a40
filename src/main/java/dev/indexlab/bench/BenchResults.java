package dev.indexlab.bench;

import dev.indexlab.Json;
import dev.indexlab.results.RunResults;
import dev.indexlab.stats.HistogramEntry;
import dev.indexlab.stats.SampleSummary;
import dev.indexlab.stats.SampleThinning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * indexlab's own results of one {@code bench} run ({@code results/<scenario>/bench.json}): per
 * route its latency statistics in milliseconds and a summary of the samples, the settings that
 * produced them, the server and the failed routes. Reports and the CI gate read this file; JMH's
 * own {@code jmh.json} sits beside it.
 *
 * @param format version of this file's layout (1)
 * @param startedAt ISO-8601 instant the run started
 * @param wallSeconds wall time of the whole run, pre-flight and vacuums included
 */
public record BenchResults(
    int format,
    String indexlabVersion,
    String scenario,
    String workload,
    String startedAt,
    double wallSeconds,
    Environment environment,
    Settings settings,
    List<RouteResult> routes,
    List<RouteProblem> failures) {

  /** The current {@link #format()}. */
  public static final int FORMAT = 1;

  public BenchResults {
    routes = List.copyOf(routes);
    failures = List.copyOf(failures);
  }

  /** Where the numbers were measured. {@code target} is a description with any password masked. */
  public record Environment(
      String postgresVersion,
      String target,
      String database,
      Map<String, String> serverSettings,
      String jvm,
      String jmhVersion) {}

  /**
   * How the numbers were measured. {@code transactions} is {@code rollback} or {@code commit};
   * {@code scale} is null when indexlab did not seed the database.
   */
  public record Settings(
      String profile,
      int forks,
      int warmupIterations,
      double warmupSeconds,
      int measurementIterations,
      double measurementSeconds,
      int threads,
      String transactions,
      long seed,
      Double scale,
      int parameterSets,
      String mode) {}

  /**
   * One measured route. {@code stats} are JMH's figures; {@code samples} summarizes every sample
   * for the reports and the gate; {@code values} keeps the samples themselves (thinned, see {@link
   * #VALUES_KEPT}) for the significance rule; {@code vacuumed} lists the tables vacuumed after the
   * route (it wrote them).
   */
  public record RouteResult(
      String id,
      String name,
      String file,
      String isolation,
      double weight,
      Stats stats,
      SampleSummary samples,
      List<String> vacuumed,
      double[] values) {

    /** {@link #VALUES_KEPT} of {@code all}, evenly spaced by rank (see {@link SampleThinning}). */
    public static double[] kept(double[] all) {
      return SampleThinning.thin(all, VALUES_KEPT);
    }

    /**
     * This route's timing as a run's results keep it: JMH's figures from {@link #stats()} (a
     * missing error as NaN), the histogram of {@link #samples()} as buckets (see {@link
     * dev.indexlab.stats.LogHistogram#buckets()}) and the kept {@link #values()}.
     */
    public RunResults.Timing timing() {
      List<HistogramEntry> histogram =
          samples != null && samples.histogram() != null
              ? samples.histogram().buckets()
              : new ArrayList<>();
      return new RunResults.Timing(
          stats.mean(),
          stats.error() == null ? Double.NaN : stats.error(),
          stats.p50(),
          stats.p90(),
          stats.p95(),
          stats.p99(),
          stats.max(),
          stats.n(),
          histogram,
          null,
          values);
    }
  }

  /**
   * How many sample values a result keeps for the significance rule: every sample up to this many,
   * else this many evenly spaced by rank. A thousand hold a median and its bootstrap interval to a
   * fraction of a percent.
   */
  public static final int VALUES_KEPT = 1_000;

  /**
   * Latency of one invocation, in {@code unit} (ms). {@code error} is JMH's half-width of the 99.9%
   * confidence interval of the mean (null when there are too few samples to compute one).
   */
  public record Stats(
      String unit,
      double mean,
      Double error,
      double stdev,
      double min,
      double p50,
      double p90,
      double p95,
      double p99,
      double p999,
      double max,
      long n) {}

  /** The measured route with this id. */
  public Optional<RouteResult> route(String id) {
    return routes.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** Writes the results as indented JSON, creating the parent folder. */
  public void write(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Json.pretty().writeValue(file.toFile(), this);
  }

  /** Reads a file written by {@link #write}. */
  public static BenchResults read(Path file) throws IOException {
    return Json.mapper().readValue(file.toFile(), BenchResults.class);
  }
}
