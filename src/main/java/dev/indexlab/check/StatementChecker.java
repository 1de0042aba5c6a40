package dev.indexlab.check;

import dev.indexlab.IndexlabException;
import dev.indexlab.schema.LoadProblems;
import dev.indexlab.schema.ServerErrors;
import dev.indexlab.workload.ParameterSampler;
import dev.indexlab.workload.ParameterSource;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Has the server parse and describe every statement of a route, and its sampling queries, without
 * executing them: pgjdbc's {@code getParameterMetaData()} and {@code getMetaData()} send Parse and
 * Describe only. Errors are reported at the line the server points to. When the data is loaded, the
 * sampling queries also run once (in a rolled-back transaction) so a query that returns no row is
 * caught, and their values give the statements' parameters the types they have at run time.
 */
final class StatementChecker {
  private static final String INDETERMINATE_TYPE = "42P18";

  private StatementChecker() {}

  /** Checks {@code route} on {@code c}; {@code runSamples} runs the sampling queries. */
  static void check(Connection c, Route route, boolean runSamples, LoadProblems problems)
      throws SQLException {
    boolean samplesOk = true;
    for (ParameterSource p : route.parameters()) {
      if (p.isSample()) {
        samplesOk &= describeSample(c, route, p, problems);
      }
    }
    Map<String, Object> values = Map.of();
    if (runSamples && samplesOk) {
      try {
        values = ParameterSampler.pool(c, route, 1, 1).get(0);
      } catch (IndexlabException e) {
        problems.problem(e.getMessage());
      }
    }
    for (RouteStatement s : route.statements()) {
      statement(c, route, s, values, problems);
    }
  }

  private static boolean describeSample(
      Connection c, Route route, ParameterSource p, LoadProblems problems) {
    String where =
        LoadProblems.shown(route.file())
            + ":"
            + p.line()
            + ": @param "
            + String.join(", ", p.names())
            + ": sampling query: ";
    try (PreparedStatement ps = c.prepareStatement(p.spec())) {
      ResultSetMetaData md = ps.getMetaData();
      int columns = md == null ? 0 : md.getColumnCount();
      if (columns != p.names().size()) {
        problems.problem(
            where + "returns " + columns + " columns for " + p.names().size() + " parameters");
        return false;
      }
      return true;
    } catch (SQLException e) {
      problems.problem(where + ServerErrors.describe(e));
      return false;
    }
  }

  private static void statement(
      Connection c,
      Route route,
      RouteStatement s,
      Map<String, Object> values,
      LoadProblems problems)
      throws SQLException {
    boolean unbound = false;
    try (PreparedStatement ps = c.prepareStatement(s.jdbcSql())) {
      for (int i = 0; i < s.parameterNames().size(); i++) {
        String name = s.parameterNames().get(i);
        if (values.containsKey(name)) {
          ps.setObject(i + 1, values.get(name));
        } else {
          unbound = true;
        }
      }
      ps.getParameterMetaData();
      returns(route, s, ps.getMetaData(), problems);
    } catch (SQLException e) {
      if (ServerErrors.state(e).startsWith("08")) {
        throw e;
      }
      String where = LoadProblems.shown(route.file()) + ":" + line(c, s, e) + ": ";
      if (unbound && ServerErrors.state(e).equals(INDETERMINATE_TYPE)) {
        problems.note(
            where + ServerErrors.describe(e) + " (parameter types known only at run time)");
      } else {
        problems.problem(where + ServerErrors.describe(e));
      }
    }
  }

  private static void returns(
      Route route, RouteStatement s, ResultSetMetaData md, LoadProblems problems)
      throws SQLException {
    if (s.returns().isEmpty()) {
      return;
    }
    String where =
        LoadProblems.shown(route.file())
            + ":"
            + s.line()
            + ": @returns "
            + String.join(", ", s.returns());
    if (md == null || md.getColumnCount() == 0) {
      problems.problem(where + ": the statement returns no rows (add RETURNING?)");
      return;
    }
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      labels.add(md.getColumnLabel(i));
    }
    for (String name : s.returns()) {
      if (!labels.contains(name)) {
        problems.problem(
            where + ": no column " + name + " in its result (" + String.join(", ", labels) + ")");
      }
    }
  }

  /** The route file line the server's error position points to. */
  private static int line(Connection c, RouteStatement s, SQLException e) {
    int position = ServerErrors.position(e);
    if (position == 0) {
      return s.line();
    }
    String sent;
    try {
      sent = c.nativeSQL(s.jdbcSql());
    } catch (SQLException unexpected) {
      sent = s.jdbcSql();
    }
    return ServerErrors.lineAt(sent, position, s.line());
  }
}
