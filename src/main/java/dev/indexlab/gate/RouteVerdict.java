package dev.indexlab.gate;

import java.util.List;

/**
 * The gate's verdict on one route.
 *
 * @param id the route's id
 * @param name the route's name
 * @param status the outcome
 * @param findings the regressions (empty unless FAIL or ERROR)
 * @param improvements what got better, one line each
 * @param notes what could not be compared and why, one line each
 * @param medianBeforeMs the baseline's median latency, or NaN
 * @param medianAfterMs the current median latency (before any normalization), or NaN
 * @param buffersBefore shared buffers per execution over the route's statements in the baseline, or
 *     -1
 * @param buffersAfter the same now, or -1
 * @param seconds time spent measuring the route now
 * @param planAndBuffersUnchanged every statement has the same plan nodes (type, table, index) and
 *     the same shared buffers per execution (within the buffers rule's tolerance) as before: a
 *     slow-down of such a route is on time alone
 * @param timings the time comparisons made: the first measurement, and a second one when the route
 *     was slower on time alone (empty when time was not compared)
 */
record RouteVerdict(
    String id,
    String name,
    Status status,
    List<GateFinding> findings,
    List<String> improvements,
    List<String> notes,
    double medianBeforeMs,
    double medianAfterMs,
    long buffersBefore,
    long buffersAfter,
    double seconds,
    boolean planAndBuffersUnchanged,
    List<TimeMeasurement> timings) {

  /** Outcome of one route. */
  public enum Status {
    /** Compared, nothing regressed. */
    PASS,
    /** Compared, something regressed. */
    FAIL,
    /** The route ran in the baseline and fails now. */
    ERROR,
    /** New since the baseline: nothing to compare with. */
    ADDED,
    /** In the baseline, gone now. */
    REMOVED,
    /** Could not be compared (it failed in the baseline too, or was not measured). */
    SKIPPED
  }

  public RouteVerdict {
    findings = List.copyOf(findings);
    improvements = List.copyOf(improvements);
    notes = List.copyOf(notes);
    timings = timings == null ? List.of() : List.copyOf(timings);
  }

  /**
   * Slower on time alone (plans and buffers unchanged) at the first measurement: the route is
   * measured again before the gate fails it.
   */
  public boolean timeOnly() {
    return status == Status.FAIL
        && planAndBuffersUnchanged
        && findings.stream().allMatch(f -> f.kind() == GateFinding.Kind.TIME);
  }

  /** Measured a second time because it was slower on time alone. */
  public boolean remeasured() {
    return timings.size() > 1;
  }

  /** True when this route counts as a regression (FAIL or ERROR). */
  public boolean regressed() {
    return status == Status.FAIL || status == Status.ERROR;
  }

  /** The first finding's summary, e.g. {@code Index Scan → Seq Scan on song_history}. */
  public String headline() {
    return findings.isEmpty() ? "" : findings.get(0).summary();
  }
}
