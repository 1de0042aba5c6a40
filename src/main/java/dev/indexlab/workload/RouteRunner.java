package dev.indexlab.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Runs a route's statements in one transaction at the route's isolation level, binding named
 * parameters from a parameter set and from earlier statements' {@code @returns} columns, and
 * reading every row as the application would. The transaction is rolled back unless {@code commit};
 * on failure it is always rolled back. This class is what the JMH benchmark calls.
 */
public final class RouteRunner {
  private static final Map<Connection, Integer> LEVELS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Route route;

  public RouteRunner(Route route) {
    this.route = route;
  }

  public Route route() {
    return route;
  }

  /** Runs the route once; see the class comment. */
  public Invocation run(
      Connection c, Map<String, Object> params, boolean commit, StatementObserver observer)
      throws SQLException {
    return run(c, params, commit, observer, false);
  }

  /** Runs the route once, keeping every returned row when {@code keepRows}. */
  public Invocation run(
      Connection c,
      Map<String, Object> params,
      boolean commit,
      StatementObserver observer,
      boolean keepRows)
      throws SQLException {
    begin(c);
    Map<String, Object> scope = new HashMap<>(params);
    List<Invocation.Outcome> outcomes = new ArrayList<>(route.statements().size());
    boolean done = false;
    try {
      for (RouteStatement s : route.statements()) {
        outcomes.add(execute(c, s, scope, observer, keepRows, commit));
      }
      observer.beforeEnd(c);
      if (commit) {
        c.commit();
      } else {
        c.rollback();
      }
      done = true;
    } finally {
      if (!done) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // the connection is broken; the original failure is what matters
        }
      }
    }
    return new Invocation(outcomes, scope);
  }

  private void begin(Connection c) throws SQLException {
    if (c.getAutoCommit()) {
      c.setAutoCommit(false);
    }
    int wanted = route.isolation().jdbcLevel();
    Integer current = LEVELS.get(c);
    if (current == null || current != wanted) {
      c.setTransactionIsolation(wanted);
      LEVELS.put(c, wanted);
    }
  }

  /** The values bound to {@code s}, in placeholder order. */
  public static List<Object> values(RouteStatement s, Map<String, Object> scope) {
    List<Object> values = new ArrayList<>(s.parameterNames().size());
    for (String name : s.parameterNames()) {
      values.add(scope.get(name));
    }
    return values;
  }

  private Invocation.Outcome execute(
      Connection c,
      RouteStatement s,
      Map<String, Object> scope,
      StatementObserver observer,
      boolean keepRows,
      boolean commit)
      throws SQLException {
    List<Object> values = values(s, scope);
    observer.beforeStatement(c, s, values);
    if (!commit && s.index() == route.statements().size() - 1 && observer.skipsLast(s)) {
      return new Invocation.Outcome(s.index(), false, -1, Map.of(), null);
    }
    try (PreparedStatement ps = c.prepareStatement(s.jdbcSql())) {
      for (int i = 0; i < values.size(); i++) {
        ps.setObject(i + 1, values.get(i));
      }
      boolean query = ps.execute();
      if (!query) {
        if (!s.returns().isEmpty()) {
          throw failure(s, "declares @returns but returns no result set", null, null);
        }
        return new Invocation.Outcome(s.index(), false, ps.getLargeUpdateCount(), Map.of(), null);
      }
      try (ResultSet rs = ps.getResultSet()) {
        return readRows(s, rs, scope, keepRows);
      }
    } catch (SQLException e) {
      throw failure(s, e.getMessage(), e.getSQLState(), e);
    }
  }

  private Invocation.Outcome readRows(
      RouteStatement s, ResultSet rs, Map<String, Object> scope, boolean keepRows)
      throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int columns = md.getColumnCount();
    Map<String, Object> first = Map.of();
    List<List<Object>> rows = keepRows ? new ArrayList<>() : null;
    long count = 0;
    while (rs.next()) {
      if (count == 0) {
        first = new LinkedHashMap<>();
        for (int i = 1; i <= columns; i++) {
          first.put(md.getColumnLabel(i), rs.getObject(i));
        }
      }
      if (keepRows) {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      count++;
    }
    for (String name : s.returns()) {
      if (count == 0) {
        throw failure(s, "returned no row, but later statements need :" + name, null, null);
      }
      if (!first.containsKey(name)) {
        throw failure(
            s, "@returns " + name + ": no such column in its result " + first.keySet(), null, null);
      }
      scope.put(name, first.get(name));
    }
    return new Invocation.Outcome(s.index(), true, count, first, rows);
  }

  private RouteFailure failure(RouteStatement s, String message, String state, Throwable cause) {
    String where = route.file() + ":" + s.line() + ": route " + route.id() + ", " + s.describe();
    String st = state == null ? "" : " [SQLSTATE " + state + "]";
    String msg = message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").trim();
    return new RouteFailure(where + ": " + msg + st, state, cause);
  }
}
