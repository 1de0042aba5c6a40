package dev.indexlab.scenario;

import dev.indexlab.results.RunResults;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteTables;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which routes a candidate can affect, from the baseline's plans: a route is affected when a plan
 * node of one of its statements or of their foreign-key drill-downs reads a table the candidate
 * indexes, or when it writes that table (directly or through a cascade). Only these routes are
 * measured again for the candidate, so a run with many candidates stays fast.
 *
 * <p>Cascades come from two sources: the drill-downs in the baseline's captures (only made when the
 * foreign-key triggers dominate a statement's time) and {@code written}, the tables each route
 * writes as the catalog says ({@link dev.indexlab.bench.WrittenTables}: delete targets followed
 * through ON DELETE CASCADE / SET NULL / SET DEFAULT), so that a cascade two levels down, whose
 * trigger time is charged to the level above, still counts.
 */
final class AffectedRoutes {
  private AffectedRoutes() {}

  /** The unqualified, lower-case name of {@code schema.table} (quotes removed). */
  static String bare(String table) {
    String t = table.replace("\"", "");
    int dot = t.lastIndexOf('.');
    return (dot < 0 ? t : t.substring(dot + 1)).toLowerCase(Locale.ROOT);
  }

  /**
   * Routes of {@code baseline} that read or write any of {@code tables}; {@code written} maps a
   * route id to the tables it writes, cascades included (missing ids: none known).
   */
  public static List<String> touching(
      RunResults.ScenarioResult baseline,
      Map<String, Route> routes,
      Map<String, List<String>> written,
      Collection<String> tables) {
    return baseline.routes().stream()
        .filter(r -> touches(r, tables) || writes(routes.get(r.id()), r, written, tables))
        .map(RunResults.RouteResult::id)
        .toList();
  }

  /** Routes of {@code baseline} that write any of {@code tables}, cascades included. */
  public static List<String> writing(
      RunResults.ScenarioResult baseline,
      Map<String, Route> routes,
      Map<String, List<String>> written,
      Collection<String> tables) {
    return baseline.routes().stream()
        .filter(r -> writes(routes.get(r.id()), r, written, tables))
        .map(RunResults.RouteResult::id)
        .toList();
  }

  private static boolean touches(RunResults.RouteResult r, Collection<String> tables) {
    if (r.statements() == null) {
      return false;
    }
    for (RunResults.StatementCapture s : r.statements()) {
      for (String node : s.nodeTypes()) {
        int on = node.indexOf(" on ");
        if (on >= 0 && matches(node.substring(on + 4), tables)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean writes(
      Route route,
      RunResults.RouteResult r,
      Map<String, List<String>> written,
      Collection<String> tables) {
    for (String table : written.getOrDefault(r.id(), List.of())) {
      if (matches(table, tables)) {
        return true;
      }
    }
    if (route != null) {
      for (String target : RouteTables.written(route)) {
        if (matches(target, tables)) {
          return true;
        }
      }
    }
    if (r.statements() != null) {
      for (RunResults.StatementCapture s : r.statements()) {
        for (RunResults.DrillDown d : s.drillDowns()) {
          if (cascades(d, tables)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean cascades(RunResults.DrillDown d, Collection<String> tables) {
    boolean writesChild =
        d.action() != null
            && !d.action().contains("CHECK")
            && !d.action().contains("NO_ACTION")
            && !d.action().contains("RESTRICT");
    if (writesChild && d.referencingTable() != null && matches(d.referencingTable(), tables)) {
      return true;
    }
    for (RunResults.DrillDown n : d.nested()) {
      if (cascades(n, tables)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String table, Collection<String> tables) {
    String b = bare(table.trim());
    return tables.stream().anyMatch(t -> bare(t).equals(b));
  }
}
