package dev.indexlab.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link GateOutcome} into JUnit test cases, one per route: a regression is a failure whose
 * message is the first finding and whose body lists every finding with its plan lines before and
 * after; a route that fails to run is an error; added, removed and uncompared routes are skipped.
 */
public final class GateCases {
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
    return switch (r.status()) {
      case PASS -> GateCase.pass(r.id(), r.seconds());
      case FAIL -> GateCase.fail(r.id(), r.seconds(), message(r), details(r));
      case ERROR -> GateCase.error(r.id(), r.seconds(), message(r), details(r));
      case ADDED, REMOVED, SKIPPED ->
          GateCase.skipped(r.id(), r.notes().isEmpty() ? r.status().name() : r.notes().get(0));
    };
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
