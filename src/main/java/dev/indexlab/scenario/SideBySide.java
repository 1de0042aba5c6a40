package dev.indexlab.scenario;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.workload.Route;
import java.util.List;

/**
 * Measures the same routes on two databases under JMH route by route, one side right after the
 * other, and the side that goes first alternating from one route to the next. Two scenarios
 * measured minutes apart on a shared machine differ by whatever else the machine was doing then
 * (the baseline of a run is measured before every candidate, the optimized scenario after them);
 * measured seconds apart, each route's two figures saw the same machine.
 *
 * <p>JMH files go to {@code resultsDir/side-by-side.<side>.<route>/}.
 */
final class SideBySide {
  private SideBySide() {}

  /**
   * One side: its name, database, routes (with the side's rewrites) and each route's expected time
   * per call on it (ms, by id; sizes the JMH iterations).
   */
  record Side(
      String name,
      ConnectionSpec db,
      List<Route> routes,
      java.util.Map<String, Double> expectedMs) {}

  /** Each side's JMH results. */
  record Result(ScenarioMeasurer.Jmh first, ScenarioMeasurer.Jmh second) {
    /** These results with each route {@code again} measured replaced by its new figures. */
    Result replacing(Result again) {
      return new Result(first.plus(again.first()), second.plus(again.second()));
    }
  }

  static Result measure(ScenarioMeasurer measurer, Side first, Side second, List<String> ids) {
    ScenarioMeasurer.Jmh a = ScenarioMeasurer.Jmh.none();
    ScenarioMeasurer.Jmh b = ScenarioMeasurer.Jmh.none();
    for (int i = 0; i < ids.size(); i++) {
      List<String> one = List.of(ids.get(i));
      if (i % 2 == 0) {
        a = a.plus(bench(measurer, first, one));
        b = b.plus(bench(measurer, second, one));
      } else {
        b = b.plus(bench(measurer, second, one));
        a = a.plus(bench(measurer, first, one));
      }
    }
    return new Result(a, b);
  }

  private static ScenarioMeasurer.Jmh bench(
      ScenarioMeasurer measurer, Side side, List<String> one) {
    String name =
        ("side-by-side." + side.name() + "." + one.get(0)).replaceAll("[^A-Za-z0-9._-]", "_");
    return measurer.bench(name, side.db(), side.routes(), one, side.expectedMs());
  }
}
