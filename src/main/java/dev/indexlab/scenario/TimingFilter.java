package dev.indexlab.scenario;

import dev.indexlab.explain.RouteCapture;
import dev.indexlab.results.RunResults;
import dev.indexlab.workload.Route;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Which of a candidate's captured routes are timed under JMH: a route whose capture failed (JMH
 * says why), and a route the candidate can have changed — one it rewrites, one that writes a table
 * it changes, one whose plans use an index it adds or whose baseline plans used an index it drops —
 * whose JMH figure could change the decision ({@code decisive}: {@link
 * DecisionRule#timingCanDecide}). Any other route runs the same plans on the same data as before,
 * or shows in EXPLAIN neither the gain nor the extra work the rule asks JMH to confirm, so its
 * timing could only differ by the machine.
 *
 * @param before the routes' results before the change, by id (their plans, for dropped indexes)
 * @param decisive the routes whose EXPLAIN deltas leave the decision to JMH
 */
record TimingFilter(
    Set<String> rewritten,
    List<String> writers,
    List<String> added,
    List<String> dropped,
    Map<String, RunResults.RouteResult> before,
    Set<String> decisive)
    implements BiPredicate<Route, RouteCapture.Result> {

  /** The routes of {@code explained} whose JMH figure could change {@code rule}'s decision. */
  static Set<String> decisive(
      DecisionRule rule, boolean isDrop, List<RunResults.RouteDelta> explained) {
    Set<String> out = new LinkedHashSet<>();
    explained.stream()
        .filter(d -> rule.timingCanDecide(isDrop, d))
        .forEach(d -> out.add(d.route()));
    return out;
  }

  @Override
  public boolean test(Route route, RouteCapture.Result capture) {
    if (capture.error() != null) {
      return true;
    }
    RunResults.RouteResult was = before.get(route.id());
    boolean touched =
        rewritten.contains(route.id())
            || writers.contains(route.id())
            || DecisionRule.usesAny(capture.statements(), added)
            || (was != null && DecisionRule.usesAny(was.statements(), dropped));
    return touched && decisive.contains(route.id());
  }
}
