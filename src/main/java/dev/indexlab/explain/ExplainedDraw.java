package dev.indexlab.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One execution of a route with one parameter set, every statement explained as it ran: what {@link
 * RouteExplainer} returns per draw, and what run's summary and the gate's snapshots are built from.
 *
 * @param number the draw's number, 1-based for the draws explained (draw k ran with the parameter
 *     pool's set k); 0 for the warm-up run, which only a {@code stopAfter} rule sees
 * @param parameters the parameter set, by name
 * @param statements the statements reached, by 0-based index in route order (a failure stops the
 *     route: the statements after it are missing)
 * @param failure why the route failed in this draw, or null
 */
public record ExplainedDraw(
    int number,
    Map<String, Object> parameters,
    Map<Integer, ExplainedStatement> statements,
    String failure) {

  public ExplainedDraw {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    statements = Collections.unmodifiableMap(new LinkedHashMap<>(statements));
  }

  /** Whether the route ran through and each of its {@code count} statements was explained. */
  public boolean complete(int count) {
    if (failure != null) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      ExplainedStatement e = statements.get(i);
      if (e == null || !e.result().succeeded()) {
        return false;
      }
    }
    return true;
  }

  /** The execution times of the statements explained, summed (ms). */
  public double totalMs() {
    return statements.values().stream()
        .filter(e -> e.result().succeeded())
        .mapToDouble(ExplainedStatement::executionMs)
        .sum();
  }
}
