package dev.indexlab.bench;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.Secrets;
import dev.indexlab.workload.ParameterSampler;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteRunner;
import dev.indexlab.workload.SampledRows;
import dev.indexlab.workload.StatementObserver;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tries a route once before JMH measures it: draws its parameter pool and runs one invocation,
 * always rolled back. A route whose sampling query fails or returns nothing, or whose statements
 * fail (a syntax error, a foreign-key violation), is reported here with its file, line and the
 * server's message, and left out of the JMH run, so one bad route cannot abort the others.
 */
public final class Preflight {
  private Preflight() {}

  /** Empty when {@code route} ran; else why it cannot be measured. */
  public static Optional<RouteProblem> check(
      ConnectionSpec db, Route route, long seed, int parameterSets) {
    return check(db, route, seed, parameterSets, SampledRows.none());
  }

  /** {@link #check(ConnectionSpec, Route, long, int)} with the sampling queries' rows kept. */
  public static Optional<RouteProblem> check(
      ConnectionSpec db, Route route, long seed, int parameterSets, SampledRows kept) {
    List<Map<String, Object>> pool;
    try (Connection c = db.open()) {
      try {
        pool = ParameterSampler.pool(c, route, seed, parameterSets, kept);
      } catch (IndexlabException | SQLException e) {
        return Optional.of(problem(route, "sample", e));
      }
      try {
        new RouteRunner(route).run(c, pool.get(0), false, StatementObserver.NONE);
      } catch (IndexlabException | SQLException e) {
        return Optional.of(problem(route, "preflight", e));
      }
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(problem(route, "preflight", e));
    }
  }

  private static RouteProblem problem(Route route, String stage, Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    if (!(e instanceof IndexlabException)) {
      message = route.file() + ": " + message.replaceAll("\\s*\\R\\s*", " ");
    }
    return new RouteProblem(route.id(), stage, Secrets.maskAll(message));
  }
}
