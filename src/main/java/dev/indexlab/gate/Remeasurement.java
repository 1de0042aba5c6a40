package dev.indexlab.gate;

import java.util.Map;

/**
 * The second measurement of the routes that were slower on time alone, handed to {@link
 * RegressionGate#compare(Baseline, Baseline, java.util.List, Remeasurement)}.
 *
 * @param current route id → the route measured again (head's side in an A/B run)
 * @param base route id → base's side measured again in an A/B run; empty against a stored baseline
 * @param references route id → the unchanged route measured alternately with it (stored baseline)
 * @param referenceRuns route id → that reference route, measured again alongside it
 */
record Remeasurement(
    Map<String, RouteSnapshot> current,
    Map<String, RouteSnapshot> base,
    Map<String, String> references,
    Map<String, RouteSnapshot> referenceRuns) {

  public Remeasurement {
    current = Map.copyOf(current);
    base = Map.copyOf(base);
    references = Map.copyOf(references);
    referenceRuns = Map.copyOf(referenceRuns);
  }

  /** Nothing measured again. */
  public static Remeasurement none() {
    return new Remeasurement(Map.of(), Map.of(), Map.of(), Map.of());
  }
}
