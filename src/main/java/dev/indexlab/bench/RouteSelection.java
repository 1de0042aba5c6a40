package dev.indexlab.bench;

import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteCatalog;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The routes a bench run measures, chosen from a catalog by {@code --routes} ids (all when none),
 * and the problems known before anything runs: route files that did not parse and ids that name no
 * route. Neither stops the other routes from being measured.
 */
public record RouteSelection(List<Route> routes, List<RouteProblem> problems) {
  public RouteSelection {
    routes = List.copyOf(routes);
    problems = List.copyOf(problems);
  }

  /** Selects {@code ids} (in order, duplicates once) from {@code catalog}; all when empty. */
  public static RouteSelection of(RouteCatalog catalog, List<String> ids) {
    RouteCatalog chosen =
        catalog.choose(ids == null ? null : List.copyOf(new LinkedHashSet<>(ids)));
    return new RouteSelection(
        chosen.routes(), chosen.problems().stream().map(RouteProblem::of).toList());
  }

  /** True when a {@code --routes} id named no route file (a usage error). */
  public boolean hasUnknownIds() {
    return problems.stream().anyMatch(p -> p.stage().equals(UNKNOWN));
  }

  private static final String UNKNOWN = dev.indexlab.workload.RouteProblem.Stage.UNKNOWN.label();
}
