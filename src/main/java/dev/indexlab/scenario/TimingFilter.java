package dev.indexlab.scenario;

import dev.indexlab.explain.RouteCapture;
import dev.indexlab.results.RunResults;
import dev.indexlab.workload.Route;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Which of a candidate's captured routes are timed under JMH: a route it rewrites, a route that
 * writes a table it changes (the write overhead), a route whose plans use an index it adds or whose
 * baseline plans used an index it drops, and a route whose capture failed (JMH says why). Any other
 * route runs the same plans on the same data as before, so its timing could only differ by the
 * machine.
 *
 * @param before the routes' results before the change, by id (their plans, for dropped indexes)
 */
record TimingFilter(
    Set<String> rewritten,
    List<String> writers,
    List<String> added,
    List<String> dropped,
    Map<String, RunResults.RouteResult> before)
    implements BiPredicate<Route, RouteCapture.Result> {

  @Override
  public boolean test(Route route, RouteCapture.Result capture) {
    RunResults.RouteResult was = before.get(route.id());
    return capture.error() != null
        || rewritten.contains(route.id())
        || writers.contains(route.id())
        || DecisionRule.usesAny(capture.statements(), added)
        || (was != null && DecisionRule.usesAny(was.statements(), dropped));
  }
}
