package dev.indexlab.workload;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.workload.RouteProblem.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of a workload, parsed from its route files. Files that fail to parse are kept as
 * {@code problems} (naming file, line and route id) so the other routes still run.
 */
public record RouteCatalog(List<Route> routes, List<RouteProblem> problems) {
  public RouteCatalog {
    routes = List.copyOf(routes);
    problems = List.copyOf(problems);
  }

  /** Parses every route file of {@code workload}. */
  public static RouteCatalog load(Workload workload) {
    return load(workload.routeFiles());
  }

  /** Parses the given route files. */
  public static RouteCatalog load(List<Path> files) {
    List<Route> routes = new ArrayList<>();
    List<RouteProblem> problems = new ArrayList<>();
    for (Path file : files) {
      Optional<Route> r = RouteParser.parse(file, problems);
      r.ifPresent(routes::add);
    }
    return new RouteCatalog(routes, problems);
  }

  /**
   * The routes named in {@code ids} (all when empty), in the given order. An id whose file failed
   * to parse brings its parse problems; an id that names no route file at all is an {@link
   * Stage#UNKNOWN} problem naming the known ids. Nothing is thrown: the caller decides.
   */
  public RouteCatalog choose(List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      return this;
    }
    Map<String, Route> byId = new LinkedHashMap<>();
    routes.forEach(r -> byId.put(r.id(), r));
    List<Route> chosen = new ArrayList<>();
    List<RouteProblem> chosenProblems = new ArrayList<>();
    for (String id : ids) {
      Route r = byId.get(id);
      if (r != null) {
        chosen.add(r);
        continue;
      }
      List<RouteProblem> ofFile = problems.stream().filter(p -> p.route().equals(id)).toList();
      if (ofFile.isEmpty()) {
        String known = "no such route; known: " + String.join(", ", byId.keySet());
        chosenProblems.add(new RouteProblem(null, 0, id, Stage.UNKNOWN, known));
      }
      chosenProblems.addAll(ofFile);
    }
    return new RouteCatalog(chosen, chosenProblems);
  }

  /**
   * As {@link #choose}, but an id that names no route is a usage error (about the routes setting)
   * naming the known ids. A route whose file failed to parse is selectable by its file name and
   * reported through {@link #problems()}.
   */
  public RouteCatalog select(List<String> ids) {
    RouteCatalog chosen = choose(ids);
    Optional<RouteProblem> unknown = chosen.unknown();
    if (unknown.isPresent()) {
      throw IndexlabException.usage(Setting.ROUTES + " " + unknown.get().text());
    }
    return chosen;
  }

  /** The first id that named no route, if any. */
  Optional<RouteProblem> unknown() {
    return problems.stream().filter(p -> p.stage() == Stage.UNKNOWN).findFirst();
  }

  /** The route with this id. */
  public Optional<Route> find(String id) {
    return routes.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
