package dev.indexlab.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one gate run decided: a verdict per route and notes about the run as a whole.
 *
 * @param routes one verdict per route of the baseline or of the current workload
 * @param notes run-level remarks: files changed since the baseline, another server version, the
 *     machine factor applied to times
 * @param machineFactor the factor current times were divided by, or null when not normalized
 */
public record GateOutcome(List<RouteVerdict> routes, List<String> notes, Double machineFactor) {
  /** Exit status when nothing regressed. */
  public static final int PASSED = 0;

  /** Exit status when a route regressed. */
  public static final int REGRESSED = 1;

  public GateOutcome {
    routes = List.copyOf(routes);
    notes = List.copyOf(notes);
  }

  /** The routes that regressed (FAIL or ERROR). */
  public List<RouteVerdict> regressions() {
    return routes.stream().filter(RouteVerdict::regressed).toList();
  }

  /** The ids of the routes that failed on time alone (plans and buffers unchanged). */
  public List<String> timeOnlyRegressions() {
    return routes.stream()
        .filter(r -> r.status() == RouteVerdict.Status.FAIL)
        .filter(r -> r.findings().stream().allMatch(f -> f.kind() == GateFinding.Kind.TIME))
        .map(RouteVerdict::id)
        .toList();
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
   * One line for stdout, e.g. {@code indexlab gate: FAIL 1 regression (users_delete: Index Scan →
   * Seq Scan on song_history), 15 passed}.
   */
  public String verdictLine() {
    return verdictLine("indexlab gate");
  }

  /** The verdict line under another command's name, e.g. {@code indexlab upgrade-check}. */
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
