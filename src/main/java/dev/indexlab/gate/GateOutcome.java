package dev.indexlab.gate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything one gate run decided: a verdict per route and notes about the run as a whole.
 *
 * @param routes one verdict per route of the baseline or of the current workload
 * @param notes run-level remarks: files changed since the baseline, another server version, the
 *     machine factor applied to times
 * @param machineFactor the factor current times were divided by, or null when not normalized
 * @param unchangedRoutes routes compared whose plans and buffers did not change (the machine
 *     factor's sample against a stored baseline)
 * @param noise the run-to-run noise σ (log) the time rule measured, or null
 * @param timeBasis one sentence on how times were compared: the machine factor and the bar, or why
 *     there is none
 */
public record GateOutcome(
    List<RouteVerdict> routes,
    List<String> notes,
    Double machineFactor,
    int unchangedRoutes,
    Double noise,
    String timeBasis) {
  /** Exit status when nothing regressed. */
  public static final int PASSED = 0;

  /** Exit status when a route regressed. */
  public static final int REGRESSED = 1;

  public GateOutcome {
    routes = List.copyOf(routes);
    notes = List.copyOf(notes);
    timeBasis = timeBasis == null ? "" : timeBasis;
  }

  /** The routes that regressed (FAIL or ERROR). */
  public List<RouteVerdict> regressions() {
    return routes.stream().filter(RouteVerdict::regressed).toList();
  }

  /**
   * The ids of the routes that failed on time alone (plans and buffers unchanged) and were not
   * measured a second time yet: they need a second measurement before the gate fails.
   */
  public List<String> timeOnlyRegressions() {
    return routes.stream()
        .filter(RouteVerdict::timeOnly)
        .filter(r -> !r.remeasured())
        .map(RouteVerdict::id)
        .toList();
  }

  /**
   * The unchanged route to measure alternately with {@code id} when measuring it again: among the
   * routes that passed with plans and buffers unchanged and no time change, the one whose baseline
   * median is nearest to {@code id}'s (on a log scale), so that it feels the machine's state at
   * that speed as {@code id} does. Empty when there is none.
   */
  public Optional<String> referenceFor(String id) {
    RouteVerdict suspect = routes.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    if (suspect == null || !(suspect.medianBeforeMs() > 0)) {
      return Optional.empty();
    }
    double target = Math.log(suspect.medianBeforeMs());
    return routes.stream()
        .filter(r -> r.status() == RouteVerdict.Status.PASS && r.planAndBuffersUnchanged())
        .filter(r -> !r.timings().isEmpty() && r.improvements().isEmpty())
        .filter(r -> r.medianBeforeMs() > 0 && r.medianAfterMs() > 0)
        .min(
            Comparator.comparingDouble(
                    (RouteVerdict r) -> Math.abs(Math.log(r.medianBeforeMs()) - target))
                .thenComparing(RouteVerdict::id))
        .map(RouteVerdict::id);
  }

  /** Routes slower on time alone at first that a second measurement cleared. */
  public long cleared() {
    return routes.stream()
        .filter(r -> r.status() == RouteVerdict.Status.PASS && r.remeasured())
        .count();
  }

  /** How many routes have {@code status}. */
  public long count(RouteVerdict.Status status) {
    return routes.stream().filter(r -> r.status() == status).count();
  }

  /** 0 when nothing regressed, 1 otherwise. */
  public int exitCode() {
    return regressions().isEmpty() ? PASSED : REGRESSED;
  }

  /**
   * One line for stdout under {@code command}'s name ({@code indexlab gate}, {@code indexlab
   * upgrade-check}), e.g. {@code indexlab gate: FAIL 1 regression (users_delete: Index Scan → Seq
   * Scan on song_history), 15 passed}.
   */
  public String verdictLine(String command) {
    List<RouteVerdict> failed = regressions();
    StringBuilder b = new StringBuilder(command + ": ");
    List<String> parts = new ArrayList<>();
    if (failed.isEmpty()) {
      b.append("PASS ");
    } else {
      List<String> why = new ArrayList<>();
      for (RouteVerdict r : failed) {
        why.add(r.id() + ": " + r.headline());
      }
      parts.add(
          failed.size()
              + (failed.size() == 1 ? " regression" : " regressions")
              + " ("
              + String.join("; ", why)
              + ")");
      b.append("FAIL ");
    }
    parts.add(count(RouteVerdict.Status.PASS) + " passed");
    long improved =
        routes.stream()
            .filter(r -> r.status() == RouteVerdict.Status.PASS && !r.improvements().isEmpty())
            .count();
    if (improved > 0) {
      parts.add(improved + " improved");
    }
    long cleared = cleared();
    if (cleared > 0) {
      parts.add(cleared + " cleared by a second measurement");
    }
    addCount(parts, RouteVerdict.Status.ADDED, "added");
    addCount(parts, RouteVerdict.Status.REMOVED, "removed");
    addCount(parts, RouteVerdict.Status.SKIPPED, "not compared");
    b.append(String.join(", ", parts));
    return b.toString();
  }

  private void addCount(List<String> parts, RouteVerdict.Status status, String word) {
    long n = count(status);
    if (n > 0) {
      parts.add(n + " " + word);
    }
  }
}
