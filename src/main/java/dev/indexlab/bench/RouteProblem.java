package dev.indexlab.bench;

/**
 * A route that could not be measured, as bench.json records it. {@code stage} says where it failed:
 * {@code parse} (the route file), {@code unknown} (a {@code --routes} name that is no route),
 * {@code sample} or {@code preflight} (its parameters or its one trial invocation, rolled back), or
 * {@code jmh} (during measurement). {@code message} names the file and line where there is one, and
 * carries the server's message.
 */
public record RouteProblem(String route, String stage, String message) {
  /** A problem found before measuring (a route file's, or an unknown id), as this file keeps it. */
  static RouteProblem of(dev.indexlab.workload.RouteProblem p) {
    return new RouteProblem(p.route(), p.stage().label(), p.text());
  }
}
