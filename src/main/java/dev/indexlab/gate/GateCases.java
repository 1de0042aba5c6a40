package dev.indexlab.gate;

import dev.indexlab.stats.Numbers;
import dev.indexlab.text.ReportFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a {@link GateOutcome} into JUnit test cases, one per route: a regression is a failure whose
 * message is the first finding and whose body lists every finding with its plan lines before and
 * after; a route that fails to run is an error; added, removed and uncompared routes are skipped.
 */
final class GateCases {
  private GateCases() {}

  /** One case per route, in the outcome's order. */
  public static List<GateCase> of(GateOutcome outcome) {
    List<GateCase> out = new ArrayList<>();
    for (RouteVerdict r : outcome.routes()) {
      out.add(caseOf(r));
    }
    return out;
  }

  static GateCase caseOf(RouteVerdict r) {
    GateCase c =
        switch (r.status()) {
          case PASS -> GateCase.pass(r.id(), r.seconds());
          case FAIL -> GateCase.fail(r.id(), r.seconds(), message(r), details(r));
          case ERROR -> GateCase.error(r.id(), r.seconds(), message(r), details(r));
          case ADDED, REMOVED, SKIPPED ->
              GateCase.skipped(r.id(), r.notes().isEmpty() ? r.status().name() : r.notes().get(0));
        };
    String figures = figures(r);
    return figures.isEmpty() ? c : c.withOutput(figures);
  }

  /**
   * The route's figures, as the summary's table and its "measured twice" section show them: the
   * medians, the shared buffers, whether plans and buffers changed, each time measurement, and the
   * notes of a passing route (a slow-down a second measurement cleared).
   */
  static String figures(RouteVerdict r) {
    if (r.timings().isEmpty() && r.buffersBefore() < 0) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    b.append("median ")
        .append(Numbers.ms(r.medianBeforeMs()))
        .append(" → ")
        .append(Numbers.ms(r.medianAfterMs()))
        .append(" ms per call");
    if (r.buffersBefore() >= 0 && r.buffersAfter() >= 0) {
      b.append("; shared buffers per execution ")
          .append(ReportFormat.grouped(r.buffersBefore()))
          .append(" → ")
          .append(ReportFormat.grouped(r.buffersAfter()));
    }
    b.append(
        r.planAndBuffersUnchanged()
            ? "; plan and buffers unchanged\n"
            : "; plans or buffers changed\n");
    r.timings().forEach(t -> b.append(t.describe()).append('\n'));
    if (r.status() == RouteVerdict.Status.PASS) {
      r.notes().forEach(n -> b.append("note: ").append(n).append('\n'));
    }
    return b.toString();
  }

  /**
   * The run's figures for the suite's {@code <properties>}, the same as the summary's, the verdict
   * under {@code command}'s name ({@code indexlab gate}, {@code indexlab upgrade-check}).
   */
  public static Map<String, String> properties(GateOutcome outcome, String command) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("verdict", outcome.verdictLine(command));
    out.put(
        "machine factor",
        outcome.machineFactor() == null ? "none" : "×" + Numbers.ratio(outcome.machineFactor()));
    out.put("routes with plans and buffers unchanged", Integer.toString(outcome.unchangedRoutes()));
    out.put(
        "run-to-run noise σ (log)",
        outcome.noise() == null ? "none" : String.format(Locale.ROOT, "%.2f", outcome.noise()));
    out.put("time", outcome.timeBasis());
    out.put("cleared by a second measurement", Long.toString(outcome.cleared()));
    return out;
  }

  /** The first finding, with how many more there are. */
  static String message(RouteVerdict r) {
    GateFinding first = r.findings().get(0);
    String where = first.statement() == null ? "" : first.statement() + ": ";
    int more = r.findings().size() - 1;
    return where + first.message() + (more > 0 ? " (and " + more + " more)" : "");
  }

  /** Every finding's evidence, then the notes. */
  static String details(RouteVerdict r) {
    StringBuilder b = new StringBuilder();
    r.findings().forEach(f -> b.append(f.evidence()));
    r.notes().forEach(n -> b.append("note: ").append(n).append('\n'));
    return b.toString();
  }
}
