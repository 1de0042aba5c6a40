package dev.indexlab.scenario;

import dev.indexlab.results.RunResults;
import dev.indexlab.results.RunResults.RouteDelta;
import dev.indexlab.results.RunResults.RouteResult;
import dev.indexlab.stats.Significance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The before/after of each route between two scenarios, what {@link DecisionRule} decides from:
 * EXPLAIN time (the median of the draws' route totals), shared buffers, WAL and rows examined on
 * both sides, whether the route's plans use the change or write a table it indexes, and, where JMH
 * timed it on both sides, the significance rule's comparison of the two samples.
 */
final class RouteDeltas {
  private final Significance significance;

  RouteDeltas(Significance significance) {
    this.significance = significance;
  }

  /**
   * Before/after for every route captured in both scenarios: with the JMH comparison where JMH
   * timed it in both, from EXPLAIN alone where it did not (a route whose JMH figure could not
   * change the decision is not timed: {@link DecisionRule#timingCanDecide}).
   */
  List<RouteDelta> timed(
      Map<String, RouteResult> baseline,
      Map<String, RouteResult> candidate,
      List<String> writersOfIndexedTable,
      List<String> indexNames) {
    return collect(baseline, candidate, true, writersOfIndexedTable, indexNames);
  }

  /**
   * Before/after from EXPLAIN alone, for every route captured in both scenarios: the JMH fields are
   * NaN and nothing is significant. What {@link DecisionRule#worthTiming} reads before anything is
   * timed.
   */
  List<RouteDelta> explained(
      Map<String, RouteResult> baseline,
      Map<String, RouteResult> candidate,
      List<String> writersOfIndexedTable,
      List<String> indexNames) {
    return collect(baseline, candidate, false, writersOfIndexedTable, indexNames);
  }

  private List<RouteDelta> collect(
      Map<String, RouteResult> baseline,
      Map<String, RouteResult> candidate,
      boolean timed,
      List<String> writersOfIndexedTable,
      List<String> indexNames) {
    List<RouteDelta> out = new ArrayList<>();
    for (RouteResult after : candidate.values()) {
      RouteResult before = baseline.get(after.id());
      if (before == null) {
        continue;
      }
      if (timed && before.timing() != null && after.timing() != null) {
        out.add(delta(before, after, writersOfIndexedTable, indexNames));
      } else if (captured(before) && captured(after)) {
        out.add(
            delta(
                before.withTiming(null),
                after.withTiming(null),
                writersOfIndexedTable,
                indexNames));
      }
    }
    return out;
  }

  private static boolean captured(RouteResult r) {
    return r.statements() != null && !r.statements().isEmpty();
  }

  private RouteDelta delta(
      RouteResult before,
      RouteResult after,
      List<String> writersOfIndexedTable,
      List<String> indexNames) {
    boolean timed = before.timing() != null && after.timing() != null;
    return new RouteDelta(
        after.id(),
        timed ? before.timing().mean() : Double.NaN,
        timed ? after.timing().mean() : Double.NaN,
        timed ? before.timing().p95() : Double.NaN,
        timed ? after.timing().p95() : Double.NaN,
        explainMs(before),
        explainMs(after),
        buffers(before),
        buffers(after),
        wal(before),
        wal(after),
        writersOfIndexedTable.contains(after.id()),
        usesAny(after, indexNames),
        timed ? compare(before.timing(), after.timing()) : null,
        before.hotUpdateShare(),
        after.hotUpdateShare(),
        examined(before),
        examined(after));
  }

  /** Rows the route's scans read (cascades included), or -1 when a statement did not record it. */
  private static long examined(RouteResult r) {
    if (r.statements() == null || r.statements().isEmpty()) {
      return -1;
    }
    long sum = 0;
    for (RunResults.StatementCapture s : r.statements()) {
      if (s.rowsExamined() < 0) {
        return -1;
      }
      sum += s.rowsExamined();
    }
    return sum;
  }

  /** The significance rule's comparison of two timings, or null without both sides' samples. */
  Significance.Change compare(RunResults.Timing before, RunResults.Timing after) {
    if (before == null || after == null || !before.hasValues() || !after.hasValues()) {
      return null;
    }
    return significance.compare(before.values(), before.samples(), after.values(), after.samples());
  }

  /** A route's EXPLAIN time ({@link RouteResult#explainMs()}). */
  static double explainMs(RouteResult r) {
    return r.explainMs();
  }

  private static long buffers(RouteResult r) {
    return r.statements() == null
        ? 0
        : r.statements().stream().mapToLong(RunResults.StatementCapture::sharedBuffers).sum();
  }

  private static long wal(RouteResult r) {
    return r.statements() == null
        ? 0
        : r.statements().stream().mapToLong(RunResults.StatementCapture::walBytes).sum();
  }

  private static boolean usesAny(RouteResult r, List<String> indexNames) {
    return DecisionRule.usesAny(r.statements(), indexNames);
  }
}
