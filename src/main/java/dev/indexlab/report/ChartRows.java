package dev.indexlab.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The data of a chart with one band per route and one item per series in each band: the series
 * names, the routes in order, and each route's items (a value, a box), checked to match the series.
 *
 * @param <T> what one series shows for one route; null for nothing
 */
final class ChartRows<T> {
  private final List<String> seriesNames;
  private final List<String> routes = new ArrayList<>();
  private final List<List<T>> rows = new ArrayList<>();

  /**
   * @param seriesNames one name per item of a band, in drawing order (top to bottom)
   */
  ChartRows(List<String> seriesNames) {
    if (seriesNames.isEmpty()) {
      throw new IllegalArgumentException("a chart needs at least one series");
    }
    this.seriesNames = List.copyOf(seriesNames);
  }

  /**
   * Adds a route with one item per series, in series order; {@code noun} names the items in the
   * error when the counts differ ("values", "boxes").
   */
  void add(String route, List<T> perSeries, String noun) {
    if (perSeries.size() != seriesNames.size()) {
      throw new IllegalArgumentException(
          route
              + " has "
              + perSeries.size()
              + " "
              + noun
              + " for "
              + seriesNames.size()
              + " series");
    }
    routes.add(route);
    rows.add(new ArrayList<>(perSeries));
  }

  /** Fails when no route was added: a chart needs at least one. */
  void requireRoutes() {
    if (routes.isEmpty()) {
      throw new IllegalStateException("a chart needs at least one route");
    }
  }

  List<String> seriesNames() {
    return seriesNames;
  }

  List<String> routes() {
    return routes;
  }

  /** Route {@code r}'s item of series {@code s}. */
  T get(int r, int s) {
    return rows.get(r).get(s);
  }

  /** Every route's items, route by route. */
  List<List<T>> rows() {
    return rows;
  }
}
