package dev.indexlab.gate;

import dev.indexlab.stats.SampleSummary;
import dev.indexlab.stats.SampleThinning;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A route's measurements on one side, filled in by {@link GateRecorder} as the run goes. */
final class RouteMeasurement {
  final String id;
  final Route route;
  List<StatementSnapshot> statements = List.of();
  Map<String, Long> rows = Map.of();
  double[] samples = new double[0];
  final List<Double> runMedians = new ArrayList<>();
  double seconds;
  String error;

  /** {@code route} is null when the route file did not parse; {@code error} then says why. */
  RouteMeasurement(String id, Route route, String error) {
    this.id = id;
    this.route = route;
    this.error = error;
  }

  boolean runnable() {
    return route != null && error == null;
  }

  /** Adds one JMH run's samples (ms) and records its median. */
  void add(double[] run) {
    if (run.length > 0) {
      runMedians.add(SampleSummary.median(run));
    }
    double[] all = Arrays.copyOf(samples, samples.length + run.length);
    System.arraycopy(run, 0, all, samples.length, run.length);
    samples = all;
  }

  boolean timed() {
    return error == null && samples.length > 0;
  }

  /** The snapshot of this measurement, keeping at most {@code cap} samples. */
  RouteSnapshot snapshot(Workload workload, int cap) {
    boolean timed = timed();
    return new RouteSnapshot(
        id,
        route == null ? id : route.name(),
        route == null
            ? null
            : workload.directory().relativize(route.file().toAbsolutePath()).toString(),
        timed ? SampleSummary.of(samples) : null,
        timed ? SampleThinning.thin(samples, cap) : new double[0],
        runMedians.stream().mapToDouble(Double::doubleValue).toArray(),
        statements,
        rows,
        seconds,
        error == null && !timed ? "no JMH samples" : error);
  }
}
