package dev.indexlab.workload;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Called by {@link RouteRunner} just before it executes each statement of a route, inside the
 * route's transaction, with the values it is about to bind. EXPLAIN capture uses it to explain the
 * statement (in a savepoint) before the runner executes it for real.
 */
@FunctionalInterface
public interface StatementObserver {
  /** An observer that does nothing. */
  StatementObserver NONE = (c, s, v) -> {};

  void beforeStatement(Connection c, RouteStatement statement, List<Object> values)
      throws SQLException;

  /**
   * Called after the last statement succeeded, before the transaction is committed or rolled back:
   * the route's changes are visible here and nowhere else.
   */
  default void beforeEnd(Connection c) throws SQLException {}

  /**
   * Whether the runner may leave out executing {@code statement}, the route's last, for real after
   * {@link #beforeStatement}: nothing after it reads its result, and a transaction that is rolled
   * back loses its changes anyway. EXPLAIN capture says yes when its EXPLAIN ANALYZE (which ran the
   * statement) succeeded; the route's outcome then has no row count for it.
   */
  default boolean skipsLast(RouteStatement statement) {
    return false;
  }
}
