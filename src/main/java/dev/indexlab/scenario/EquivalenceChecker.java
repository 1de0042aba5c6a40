package dev.indexlab.scenario;

import dev.indexlab.workload.Invocation;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteFailure;
import dev.indexlab.workload.RouteRunner;
import dev.indexlab.workload.RouteTables;
import dev.indexlab.workload.StatementObserver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides whether a query rewrite is safe to measure: for each sampled parameter set, the original
 * route and the rewrite run in transactions that are rolled back, and they must return the same
 * rows (as multisets, statement by statement) and change the same rows of every table either
 * writes. Changed rows are the row versions the transaction wrote ({@code xmin} = its own xid),
 * compared without identity columns and columns whose default is volatile (now(), nextval, random),
 * which differ between any two runs.
 */
final class EquivalenceChecker {
  private EquivalenceChecker() {}

  /** The verdict; {@code firstDifference} explains the first mismatch (null when equivalent). */
  public record Result(boolean equivalent, int parameterSetsChecked, String firstDifference) {}

  /** Compares {@code original} and {@code rewrite} on every parameter set. */
  public static Result check(
      Connection c, Route original, Route rewrite, List<Map<String, Object>> parameterSets)
      throws SQLException {
    Set<String> written = new LinkedHashSet<>(RouteTables.written(original));
    written.addAll(RouteTables.written(rewrite));
    int n = 0;
    for (Map<String, Object> params : parameterSets) {
      Observed a = run(c, original, params, written);
      Observed b = run(c, rewrite, params, written);
      n++;
      String difference = compare(a, b);
      if (difference != null) {
        return new Result(false, n, "parameters " + new TreeMap<>(params) + ": " + difference);
      }
    }
    return new Result(true, n, null);
  }

  private record Observed(
      List<List<String>> rowsByStatement, Map<String, List<String>> changes, String failure) {}

  private static Observed run(
      Connection c, Route route, Map<String, Object> params, Set<String> written)
      throws SQLException {
    Map<String, List<String>> changes = new TreeMap<>();
    StatementObserver capture =
        new StatementObserver() {
          @Override
          public void beforeStatement(
              Connection conn, dev.indexlab.workload.RouteStatement s, List<Object> v) {}

          @Override
          public void beforeEnd(Connection conn) throws SQLException {
            for (String table : written) {
              changes.put(table, changedRows(conn, table));
            }
          }
        };
    try {
      // random() in a route (an ORDER BY random() ad pick) must draw the same values in both
      // runs: seed the session's generator the same way before each.
      try (PreparedStatement ps = c.prepareStatement("SELECT setseed(0.5)")) {
        ps.execute();
      }
      Invocation inv = new RouteRunner(route).run(c, params, false, capture, true);
      List<List<String>> rows = new ArrayList<>();
      for (Invocation.Outcome o : inv.outcomes()) {
        List<String> text = new ArrayList<>();
        if (o.query()) {
          o.rows().forEach(r -> text.add(String.valueOf(r)));
        } else {
          text.add("changed " + o.count());
        }
        Collections.sort(text);
        rows.add(text);
      }
      return new Observed(rows, changes, null);
    } catch (RouteFailure e) {
      return new Observed(List.of(), changes, e.getMessage());
    }
  }

  private static String compare(Observed a, Observed b) {
    if (!Objects.equals(a.failure(), b.failure())) {
      return "original "
          + (a.failure() == null ? "succeeded" : "failed: " + a.failure())
          + "; rewrite "
          + (b.failure() == null ? "succeeded" : "failed: " + b.failure());
    }
    if (a.rowsByStatement().size() == b.rowsByStatement().size()) {
      for (int i = 0; i < a.rowsByStatement().size(); i++) {
        List<String> x = a.rowsByStatement().get(i);
        List<String> y = b.rowsByStatement().get(i);
        if (!x.equals(y)) {
          return "statement "
              + (i + 1)
              + " returned "
              + preview(x)
              + " originally but "
              + preview(y)
              + " rewritten";
        }
      }
    } else {
      List<String> x = lastQueryRows(a);
      List<String> y = lastQueryRows(b);
      if (!x.equals(y)) {
        return "the last query returned "
            + preview(x)
            + " originally but "
            + preview(y)
            + " rewritten";
      }
    }
    for (String table : a.changes().keySet()) {
      List<String> x = a.changes().get(table);
      List<String> y = b.changes().getOrDefault(table, List.of());
      if (!x.equals(y)) {
        return "rows written to "
            + table
            + " differ: "
            + preview(x)
            + " originally, "
            + preview(y)
            + " rewritten";
      }
    }
    return null;
  }

  private static List<String> lastQueryRows(Observed o) {
    List<List<String>> all = o.rowsByStatement();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).isEmpty() || !all.get(i).get(0).startsWith("changed ")) {
        return all.get(i);
      }
    }
    return List.of();
  }

  private static String preview(List<String> rows) {
    String s =
        rows.size() <= 3
            ? rows.toString()
            : rows.subList(0, 3) + " (+" + (rows.size() - 3) + " more)";
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private static List<String> changedRows(Connection c, String written) throws SQLException {
    String table;
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?)::text")) {
      ps.setString(1, written);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        table = rs.getString(1);
      }
    }
    if (table == null) {
      return List.of();
    }
    List<String> columns = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT quote_ident(a.attname) FROM pg_attribute a"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped"
                + " AND a.attidentity = '' AND a.attgenerated = ''"
                + " AND NOT coalesce(pg_get_expr(d.adbin, d.adrelid)"
                + " ~* '(nextval|now\\(|current_timestamp|clock_timestamp|random\\(|gen_random|uuid)',"
                + " false)"
                + " ORDER BY a.attnum")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    if (columns.isEmpty()) {
      return List.of();
    }
    List<String> rows = new ArrayList<>();
    String sql =
        "SELECT ROW("
            + String.join(", ", columns)
            + ")::text FROM "
            + table
            + " WHERE xmin = pg_current_xact_id()::xid ORDER BY 1";
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
