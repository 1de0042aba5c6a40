package dev.indexlab.bench;

import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes a bench run measures, chosen from a catalog by {@code --routes} ids (all when none),
 * and the problems known before anything runs: route files that did not parse and ids that name no
 * route. Neither stops the other routes from being measured.
 */
public record RouteSelection(List<Route> routes, List<RouteProblem> problems) {
  private static final Pattern FILE = Pattern.compile("(?:^|[/\\\\])([^/\\\\:]+)\\.sql(?::\\d+)?:");

  public RouteSelection {
    routes = List.copyOf(routes);
    problems = List.copyOf(problems);
  }

  /** Selects {@code ids} (in order, duplicates once) from {@code catalog}; all when empty. */
  public static RouteSelection of(RouteCatalog catalog, List<String> ids) {
    List<Route> routes = new ArrayList<>();
    List<RouteProblem> problems = new ArrayList<>();
    if (ids == null || ids.isEmpty()) {
      routes.addAll(catalog.routes());
      for (String error : catalog.errors()) {
        problems.add(new RouteProblem(routeOf(error), "parse", error));
      }
      return new RouteSelection(routes, problems);
    }
    List<String> known = catalog.routes().stream().map(Route::id).toList();
    for (String id : new LinkedHashSet<>(ids)) {
      var route = catalog.find(id);
      if (route.isPresent()) {
        routes.add(route.get());
        continue;
      }
      List<String> errors = catalog.errors().stream().filter(e -> routeOf(e).equals(id)).toList();
      if (errors.isEmpty()) {
        problems.add(
            new RouteProblem(
                id,
                "unknown",
                "--routes " + id + ": no such route; known: " + String.join(", ", known)));
      }
      errors.forEach(e -> problems.add(new RouteProblem(id, "parse", e)));
    }
    return new RouteSelection(routes, problems);
  }

  /** True when a {@code --routes} id named no route file (a usage error). */
  public boolean hasUnknownIds() {
    return problems.stream().anyMatch(p -> p.stage().equals("unknown"));
  }

  /** The route id of a {@code file:line: message} parse error (the file name without .sql). */
  static String routeOf(String error) {
    Matcher m = FILE.matcher(error);
    return m.find() ? m.group(1) : "?";
  }
}
