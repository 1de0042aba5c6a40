package dev.indexlab.advise;

import dev.indexlab.IndexlabException;
import dev.indexlab.workload.ParameterSampler;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteRunner;
import dev.indexlab.workload.RouteStatement;
import dev.indexlab.workload.StatementObserver;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs each route a few times, rolled back, and records every statement with the values it was
 * bound to, for the what-if to explain; the runs also give {@link IndexUsage} its scan counts. A
 * route that fails is recorded in {@code failures} and the others still run.
 */
record WorkloadSample(
    List<WhatIfStatement> statements, List<String> failures, int routes, int invocations) {
  public WorkloadSample {
    statements = List.copyOf(statements);
    failures = List.copyOf(failures);
  }

  /** An empty sample (no routes). */
  public static WorkloadSample empty() {
    return new WorkloadSample(List.of(), List.of(), 0, 0);
  }

  /**
   * Runs every route {@code invocations} times with parameters drawn from {@code seed}; nothing is
   * committed.
   */
  public static WorkloadSample run(Connection c, List<Route> routes, long seed, int invocations)
      throws SQLException {
    List<WhatIfStatement> recorded = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Route route : routes) {
      List<Map<String, Object>> pool;
      try {
        pool = ParameterSampler.pool(c, route, seed, invocations);
      } catch (IndexlabException e) {
        failures.add(e.getMessage());
        continue;
      }
      RouteRunner runner = new RouteRunner(route);
      StatementObserver recorder = (conn, s, values) -> recorded.add(statement(route, s, values));
      for (Map<String, Object> params : pool) {
        try {
          runner.run(c, params, false, recorder);
        } catch (IndexlabException e) {
          failures.add(e.getMessage());
          break;
        }
      }
    }
    if (!c.getAutoCommit()) {
      c.rollback();
      c.setAutoCommit(true);
    }
    return new WorkloadSample(recorded, failures, routes.size(), invocations);
  }

  private static WhatIfStatement statement(Route route, RouteStatement s, List<Object> values) {
    return new WhatIfStatement(s.label(), route.id(), s.index(), s.jdbcSql(), values);
  }

  /** What ran, for reasons: {@code 16 routes x 20 invocations}. */
  public String describe() {
    return routes + " routes x " + invocations + " invocations (rolled back)";
  }
}
