package dev.indexlab.gate;

import java.util.List;
import java.util.Optional;

/**
 * A measurement of every route of a workload on one database: what {@code indexlab baseline save}
 * stores and what {@code indexlab gate} measures again to compare with it. Read and written by
 * {@link BaselineFile}.
 *
 * @param format the file layout's version ({@link #FORMAT})
 * @param meta what was measured, how and where
 * @param routes the routes, in the workload's order
 */
public record Baseline(int format, BaselineMeta meta, List<RouteSnapshot> routes) {
  /** The layout this indexlab writes and reads. */
  public static final int FORMAT = 1;

  public Baseline {
    routes = routes == null ? List.of() : List.copyOf(routes);
  }

  /** The route with {@code id}. */
  public Optional<RouteSnapshot> route(String id) {
    return routes.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
