package dev.indexlab.gate;

import dev.indexlab.stats.SampleSummary;
import dev.indexlab.stats.SampleThinning;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One route as the gate measured it: JMH latency (a summary of every sample, a capped,
 * deterministic subsample for the bootstrap, and the median of each JMH run), each statement's
 * plans and buffers, and the size of the tables its plans touch.
 *
 * @param id the route's id (its file name without {@code .sql})
 * @param name the route's {@code @route} name
 * @param file the route file, relative to the workload directory
 * @param time summary of every JMH sample, in ms; null when the route was not timed
 * @param samples at most {@link SampleThinning#DEFAULT_CAP} samples in ms, ascending (see {@link
 *     SampleThinning}); empty when the route was not timed
 * @param runMedians the median latency in ms of each JMH run (one per round), in run order
 * @param statements the route's statements, in order
 * @param relationRows estimated rows ({@code pg_class.reltuples}) of each table the plans touch
 * @param seconds wall time spent measuring the route
 * @param error why the route could not be measured, or null
 */
public record RouteSnapshot(
    String id,
    String name,
    String file,
    SampleSummary time,
    double[] samples,
    double[] runMedians,
    List<StatementSnapshot> statements,
    Map<String, Long> relationRows,
    double seconds,
    String error) {

  public RouteSnapshot {
    samples = samples == null ? new double[0] : samples.clone();
    runMedians = runMedians == null ? new double[0] : runMedians.clone();
    statements = statements == null ? List.of() : List.copyOf(statements);
    relationRows = relationRows == null ? Map.of() : new TreeMap<>(relationRows);
  }

  /** A copy of the stored samples. */
  @Override
  public double[] samples() {
    return samples.clone();
  }

  /** A copy of the per-run medians. */
  @Override
  public double[] runMedians() {
    return runMedians.clone();
  }

  /** True when the route was measured (no error). */
  public boolean measured() {
    return error == null;
  }

  /** The statement with {@code label} at {@code index}, else the first with that label. */
  public Optional<StatementSnapshot> statement(int index, String label) {
    Optional<StatementSnapshot> exact =
        statements.stream().filter(s -> s.index() == index && s.label().equals(label)).findFirst();
    return exact.isPresent()
        ? exact
        : statements.stream().filter(s -> s.label().equals(label)).findFirst();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RouteSnapshot r
        && r.id.equals(id)
        && Objects.equals(r.name, name)
        && Objects.equals(r.file, file)
        && Objects.equals(r.time, time)
        && Arrays.equals(r.samples, samples)
        && Arrays.equals(r.runMedians, runMedians)
        && r.statements.equals(statements)
        && r.relationRows.equals(relationRows)
        && Double.compare(r.seconds, seconds) == 0
        && Objects.equals(r.error, error);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, file, time, statements, relationRows, error)
        + 31 * Arrays.hashCode(samples)
        + 17 * Arrays.hashCode(runMedians);
  }

  @Override
  public String toString() {
    return "RouteSnapshot["
        + id
        + ", "
        + samples.length
        + " samples, "
        + runMedians.length
        + " runs, "
        + statements.size()
        + " statements"
        + (error == null ? "" : ", error=" + error)
        + "]";
  }
}
