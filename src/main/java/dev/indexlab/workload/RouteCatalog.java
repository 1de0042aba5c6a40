package dev.indexlab.workload;

import dev.indexlab.IndexlabException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of a workload, parsed from its route files. Files that fail to parse are kept as
 * {@code errors} ({@code file:line: message}) so the other routes still run.
 */
public record RouteCatalog(List<Route> routes, List<String> errors) {
  public RouteCatalog {
    routes = List.copyOf(routes);
    errors = List.copyOf(errors);
  }

  /** Parses every route file of {@code workload}. */
  public static RouteCatalog load(Workload workload) {
    return load(workload.routeFiles());
  }

  /** Parses the given route files. */
  public static RouteCatalog load(List<Path> files) {
    List<Route> routes = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Path file : files) {
      Optional<Route> r = RouteParser.parse(file, errors);
      r.ifPresent(routes::add);
    }
    return new RouteCatalog(routes, errors);
  }

  /**
   * The routes named in {@code ids} (all when empty), in the given order. An id that is not a route
   * of the workload is a usage error naming the known ids. A route whose file failed to parse is
   * selectable by its file name and reported through {@link #errors()}.
   */
  public RouteCatalog select(List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      return this;
    }
    Map<String, Route> byId = new LinkedHashMap<>();
    routes.forEach(r -> byId.put(r.id(), r));
    List<Route> chosen = new ArrayList<>();
    List<String> chosenErrors = new ArrayList<>();
    for (String id : ids) {
      Route r = byId.get(id);
      if (r != null) {
        chosen.add(r);
        continue;
      }
      List<String> fileErrors =
          errors.stream()
              .filter(e -> e.contains("/" + id + ".sql:") || e.startsWith(id + ".sql:"))
              .toList();
      if (fileErrors.isEmpty()) {
        throw IndexlabException.usage(
            "--routes " + id + ": no such route; known: " + String.join(", ", byId.keySet()));
      }
      chosenErrors.addAll(fileErrors);
    }
    return new RouteCatalog(chosen, chosenErrors);
  }

  /** The route with this id. */
  public Optional<Route> find(String id) {
    return routes.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
