package dev.indexlab.report;

import dev.indexlab.results.RunResults.RouteResult;
import dev.indexlab.results.RunResults.Timing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The summary's two pictures: every route's mean time before and after (log scale), and the latency
 * distributions of the routes whose mean changed most.
 */
final class ReportCharts {
  /** File of the before/after chart, relative to the report directory. */
  static final String ROUTE_TIMES = "charts/route-times.svg";

  /** File of the distribution chart, relative to the report directory. */
  static final String DISTRIBUTION = "charts/latency-distribution.svg";

  /** How many routes the distribution chart shows at most. */
  static final int MOST_CHANGED = 6;

  private final RunIndex run;
  private final List<String> routeIds;

  /**
   * @param routeIds the routes in the order of the summary table
   */
  ReportCharts(RunIndex run, List<String> routeIds) {
    this.run = run;
    this.routeIds = List.copyOf(routeIds);
  }

  /** Series names: baseline, and optimized when the run has that scenario. */
  List<String> series() {
    return run.optimized() == null ? List.of("baseline") : List.of("baseline", "optimized");
  }

  /** The before/after chart; empty when the run has no route. */
  Optional<String> routeTimes() {
    if (routeIds.isEmpty()) {
      return Optional.empty();
    }
    SvgBeforeAfterChart chart =
        new SvgBeforeAfterChart(
            "Mean time per route call, " + String.join(" vs ", series()),
            "Mean time per call (ms, log scale; JMH SampleTime)",
            series());
    for (String id : routeIds) {
      List<Double> values = new ArrayList<>();
      values.add(mean(RunIndex.route(run.baseline(), id)));
      if (run.optimized() != null) {
        values.add(mean(RunIndex.route(run.optimized(), id)));
      }
      chart.add(run.routeName(id), values.toArray(Double[]::new));
    }
    return Optional.of(chart.render());
  }

  /** The routes the distribution chart shows: largest change of the mean first. */
  List<String> mostChanged() {
    if (run.optimized() == null) {
      return List.of();
    }
    record Change(String id, double size) {}
    List<Change> changes = new ArrayList<>();
    for (String id : routeIds) {
      Timing before = RouteComparison.timing(RunIndex.route(run.baseline(), id));
      Timing after = RouteComparison.timing(RunIndex.route(run.optimized(), id));
      if (before == null || after == null || !(before.mean() > 0) || !(after.mean() > 0)) {
        continue;
      }
      if (before.box().isEmpty() || after.box().isEmpty()) {
        continue;
      }
      changes.add(new Change(id, Math.abs(Math.log(after.mean() / before.mean()))));
    }
    changes.sort(
        Comparator.comparingDouble((Change c) -> -c.size())
            .thenComparing(Change::id, Comparator.nullsFirst(Comparator.naturalOrder())));
    return changes.stream().limit(MOST_CHANGED).map(Change::id).toList();
  }

  /** The distribution chart; empty without an optimized scenario or histograms to draw. */
  Optional<String> distribution() {
    List<String> ids = mostChanged();
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    SvgDistributionChart chart =
        new SvgDistributionChart(
            "Latency distribution of the routes that changed most",
            "Time per call (ms, log scale; JMH SampleTime)",
            series());
    for (String id : ids) {
      chart.add(
          run.routeName(id),
          RouteComparison.timing(RunIndex.route(run.baseline(), id)).box().orElseThrow(),
          RouteComparison.timing(RunIndex.route(run.optimized(), id)).box().orElseThrow());
    }
    return Optional.of(chart.render());
  }

  private static Double mean(RouteResult route) {
    Timing t = RouteComparison.timing(route);
    return t == null || !(t.mean() > 0) || !Double.isFinite(t.mean()) ? null : t.mean();
  }
}
