package dev.indexlab.scenario;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.results.RunResults;
import dev.indexlab.workload.Route;
import java.util.List;

/**
 * One paired comparison of two scenario databases over the same routes, the step the second looks
 * and the leave-one-out pass share: the "after" side is captured (the "before" side's captures are
 * given: the accepted set's, taken once), the two are compared on EXPLAIN (draw k on both sides is
 * parameter set k), and, when asked, the routes are timed under JMH side by side, route by route,
 * one right after the other ({@link SideBySide}).
 */
final class PairedTrial {
  /** One side of the trial: its scenario name and database. */
  record Side(String scenario, ConnectionSpec db) {}

  private final Evaluation run;
  private final Side before;
  private final ScenarioMeasurer.Captured capturedBefore;
  private final Side after;
  private final ScenarioMeasurer.Captured capturedAfter;
  private final List<Route> routes;
  private final List<String> writers;
  private final List<String> indexNames;

  /**
   * Captures {@code routes} on {@code after}.
   *
   * @param writers the routes that write a table the change touches (their write cost counts)
   * @param indexNames the indexes whose use by a plan marks a route as using the change
   */
  PairedTrial(
      Evaluation run,
      Side before,
      ScenarioMeasurer.Captured capturedBefore,
      Side after,
      List<Route> routes,
      List<String> writers,
      List<String> indexNames) {
    this.run = run;
    this.before = before;
    this.capturedBefore = capturedBefore;
    this.after = after;
    this.routes = List.copyOf(routes);
    this.writers = List.copyOf(writers);
    this.indexNames = List.copyOf(indexNames);
    this.capturedAfter = run.measurer().capture(after.scenario(), after.db(), this.routes);
  }

  /** The "after" side's captures. */
  ScenarioMeasurer.Captured capturedAfter() {
    return capturedAfter;
  }

  /** The EXPLAIN deltas, before → after, of every route captured on both sides. */
  List<RunResults.RouteDelta> explained() {
    ScenarioMeasurer.Jmh none = ScenarioMeasurer.Jmh.none();
    return run.settings()
        .rule()
        .deltas()
        .explained(
            result(before, capturedBefore, none).byId(),
            result(after, capturedAfter, none).byId(),
            writers,
            indexNames);
  }

  /** Times the routes {@code ids} side by side and returns the deltas with their JMH figures. */
  List<RunResults.RouteDelta> timed(List<String> ids) {
    SideBySide.Result jmh =
        SideBySide.measure(
            run.measurer(),
            new SideBySide.Side(
                before.scenario(), before.db(), routes, capturedBefore.expectedMs()),
            new SideBySide.Side(after.scenario(), after.db(), routes, capturedAfter.expectedMs()),
            ids);
    return run.settings()
        .rule()
        .deltas()
        .timed(
            result(before, capturedBefore, jmh.first()).byId(),
            result(after, capturedAfter, jmh.second()).byId(),
            writers,
            indexNames);
  }

  private RunResults.ScenarioResult result(
      Side side, ScenarioMeasurer.Captured captured, ScenarioMeasurer.Jmh jmh) {
    return run.measurer().assemble(side.scenario(), List.of(), routes, captured, jmh);
  }
}
