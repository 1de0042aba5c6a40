package dev.indexlab.check;

import java.util.List;

/**
 * What {@code indexlab check} found: every problem as {@code file:line: message}, notes on what was
 * skipped, and the counts for the summary line. {@code schema} describes the loaded schema ("7
 * tables") or why it was not loaded.
 */
public record CheckReport(
    List<String> problems, List<String> notes, int routes, int candidates, String schema) {
  public CheckReport {
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  /** True when nothing is wrong. */
  public boolean ok() {
    return problems.isEmpty();
  }

  /**
   * {@code workload OK: 4 routes, 1 candidate, schema: 7 tables}, or {@code workload has 3
   * problems: ...}.
   */
  public String summary() {
    String counts =
        plural(routes, "route") + ", " + plural(candidates, "candidate") + ", schema: " + schema;
    return ok()
        ? "workload OK: " + counts
        : "workload has " + plural(problems.size(), "problem") + ": " + counts;
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
