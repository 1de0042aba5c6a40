package dev.indexlab.report;

import dev.indexlab.report.ChangeWording.Verdict;
import dev.indexlab.results.RunResults.RouteResult;
import dev.indexlab.results.RunResults.Timing;
import dev.indexlab.stats.Significance.Change;

/**
 * One route's baseline against its optimized timing, judged by the run's significance rule on the
 * two sides' JMH samples: the figure every summary line about the route comes from.
 *
 * @param routeId the route
 * @param before the baseline timing, null when absent or failed
 * @param after the optimized timing, null when absent or failed
 * @param change the rule's comparison of the samples, null when a side kept none or was re-used
 * @param verdict the words for it
 */
record RouteComparison(
    String routeId, Timing before, Timing after, Change change, Verdict verdict) {

  /** The route's comparison (computed once per run: {@link RunIndex#comparison}). */
  static RouteComparison of(RunIndex run, String routeId) {
    return run.comparison(routeId);
  }

  /** Compares the route's baseline and optimized timings with the run's rule. */
  static RouteComparison compute(RunIndex run, String routeId) {
    Timing before = timing(RunIndex.route(run.baseline(), routeId));
    Timing after = timing(RunIndex.route(run.optimized(), routeId));
    if (before == null || after == null) {
      return new RouteComparison(routeId, before, after, null, Verdict.MISSING);
    }
    if (after.reusedFrom() != null) {
      return new RouteComparison(routeId, before, after, null, Verdict.NO_CHANGE);
    }
    Change change = run.wording().compare(before, after);
    return new RouteComparison(routeId, before, after, change, ChangeWording.verdict(change));
  }

  /** Whether the optimized side is the baseline's timing standing in (not re-timed). */
  boolean reused() {
    return after != null && after.reusedFrom() != null;
  }

  /** JMH's median per call before (over all its samples), NaN when absent. */
  double medianBefore() {
    return before == null ? Double.NaN : before.p50();
  }

  /** JMH's median per call after, NaN when absent. */
  double medianAfter() {
    return after == null ? Double.NaN : after.p50();
  }

  static Timing timing(RouteResult route) {
    return route == null || route.error() != null ? null : route.timing();
  }
}
