package dev.indexlab.explain;

import dev.indexlab.IndexlabException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.util.Collections;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Explains one statement with bound parameters and leaves no trace: the EXPLAIN runs inside a
 * savepoint that is always rolled back (or, on a connection in autocommit mode, inside a
 * transaction that is rolled back), so even EXPLAIN ANALYZE of a DELETE changes no row.
 *
 * <pre>{@code
 * ExplainResult r = new StatementExplainer()
 *     .explain(connection, "DELETE FROM users WHERE id = ?", List.of(300L), true);
 * if (r.succeeded()) { Plan plan = r.plan(); } else { r.failureSummary(); }
 * }</pre>
 *
 * <p>The caller keeps the connection; on return it is in the same transaction state as before
 * (autocommit restored, the caller's open transaction untouched). A connection whose transaction is
 * already aborted gives a failure result.
 */
public final class StatementExplainer {
  private static final java.util.concurrent.atomic.AtomicLong GENERIC_NAMES =
      new java.util.concurrent.atomic.AtomicLong();

  /** The options of an analyzed capture. */
  public static final String ANALYZE_OPTIONS = "ANALYZE, BUFFERS, SETTINGS, WAL, FORMAT JSON";

  /** The options of an estimate-only capture (the advisor's what-if). */
  public static final String ESTIMATE_OPTIONS = "BUFFERS, SETTINGS, FORMAT JSON";

  /**
   * Explains {@code jdbcSql} ({@code ?} placeholders) with {@code params} bound in order.
   *
   * @param analyze true to execute it (EXPLAIN ANALYZE), false for estimates only
   */
  public ExplainResult explain(Connection c, String jdbcSql, List<Object> params, boolean analyze) {
    String sql =
        "EXPLAIN ("
            + (analyze ? ANALYZE_OPTIONS : ESTIMATE_OPTIONS)
            + ") "
            + StatementText.withoutTerminator(jdbcSql);
    return run(c, jdbcSql, params, analyze, sql);
  }

  /**
   * The generic plan of a statement written with {@code $1, $2...} placeholders, without values:
   * estimates only, as the plan cache would use for any value. The statement is prepared under a
   * generated name, explained with {@code plan_cache_mode = force_generic_plan} (so the Settings
   * show that) and deallocated; the parameter types must be inferable, e.g. from casts.
   */
  public ExplainResult explainGeneric(Connection c, String numberedSql) {
    String sql = StatementText.withoutTerminator(numberedSql);
    String name = "indexlab_generic_" + GENERIC_NAMES.incrementAndGet();
    try {
      return inRolledBackScope(
          c,
          () -> {
            try (Statement st = c.createStatement()) {
              st.execute("PREPARE " + name + " AS " + sql);
              int params = preparedParameterCount(c, name);
              st.execute("SET LOCAL plan_cache_mode = force_generic_plan");
              String args =
                  params == 0
                      ? ""
                      : "(" + String.join(", ", Collections.nCopies(params, "NULL")) + ")";
              StringBuilder json = new StringBuilder();
              try (ResultSet rs =
                  st.executeQuery("EXPLAIN (" + ESTIMATE_OPTIONS + ") EXECUTE " + name + args)) {
                while (rs.next()) {
                  json.append(rs.getString(1));
                }
              }
              return ExplainResult.explained(
                  numberedSql, List.of(), false, PlanJsonParser.parse(json.toString()));
            }
          });
    } catch (SQLException e) {
      return ExplainResult.failed(numberedSql, List.of(), false, message(e), e.getSQLState());
    } catch (IndexlabException e) {
      return ExplainResult.failed(numberedSql, List.of(), false, e.getMessage(), null);
    } finally {
      deallocate(c, name);
    }
  }

  /** Prepared statements outlive rollbacks: drop ours, without risking an error. */
  private static void deallocate(Connection c, String name) {
    try {
      if (preparedParameterCount(c, name) >= 0) {
        try (Statement st = c.createStatement()) {
          st.execute("DEALLOCATE " + name);
        }
      }
    } catch (SQLException ignored) {
      // the connection is gone or unusable: the statement goes with its session
    }
  }

  /** The prepared statement's parameter count, or -1 when no statement has that name. */
  private static int preparedParameterCount(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT cardinality(parameter_types) FROM pg_prepared_statements WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : -1;
      }
    }
  }

  private ExplainResult run(
      Connection c, String original, List<Object> params, boolean analyze, String explainSql) {
    try {
      return inRolledBackScope(
          c,
          () -> {
            try (PreparedStatement ps = c.prepareStatement(explainSql)) {
              for (int i = 0; i < params.size(); i++) {
                Object v = params.get(i);
                if (v == null) {
                  ps.setNull(i + 1, Types.NULL);
                } else {
                  ps.setObject(i + 1, v);
                }
              }
              StringBuilder json = new StringBuilder();
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  json.append(rs.getString(1));
                }
              }
              return ExplainResult.explained(
                  original, params, analyze, PlanJsonParser.parse(json.toString()));
            }
          });
    } catch (SQLException e) {
      return ExplainResult.failed(original, params, analyze, message(e), e.getSQLState());
    } catch (IndexlabException e) {
      return ExplainResult.failed(original, params, analyze, e.getMessage(), null);
    }
  }

  /** Work that may throw SQLException. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work} so that whatever it changes is rolled back: inside a savepoint when the
   * connection has a transaction open (autocommit off), else inside a transaction of its own.
   */
  static <T> T inRolledBackScope(Connection c, SqlWork<T> work) throws SQLException {
    if (c.getAutoCommit()) {
      c.setAutoCommit(false);
      try {
        return work.run();
      } finally {
        try {
          c.rollback();
        } finally {
          c.setAutoCommit(true);
        }
      }
    }
    Savepoint sp = c.setSavepoint();
    try {
      return work.run();
    } finally {
      c.rollback(sp);
      try {
        c.releaseSavepoint(sp);
      } catch (SQLException ignored) {
        // releasing is tidiness only: the savepoint is already rolled back
      }
    }
  }

  /** The server's own message when there is one (no "ERROR:" prefix, no position line). */
  static String message(SQLException e) {
    if (e instanceof PSQLException) {
      ServerErrorMessage m = ((PSQLException) e).getServerErrorMessage();
      if (m != null && m.getMessage() != null) {
        return m.getMessage();
      }
    }
    return e.getMessage();
  }
}
