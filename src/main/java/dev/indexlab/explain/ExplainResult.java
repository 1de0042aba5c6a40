package dev.indexlab.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of explaining one statement: a plan, or the server's message and SQLSTATE when the
 * statement could not be explained (a utility command, a syntax error, a failing statement). A
 * failure is a per-statement result, so one bad statement does not stop a capture.
 *
 * @param sql the statement as given (JDBC {@code ?} placeholders)
 * @param params the bound values, in order (may hold nulls)
 * @param analyze whether the statement was executed (EXPLAIN ANALYZE)
 * @param plan the plan, or null on failure
 * @param errorMessage the server's message (or the parse error), or null on success
 * @param sqlState the SQLSTATE of the failure, or null
 */
public record ExplainResult(
    String sql,
    List<Object> params,
    boolean analyze,
    Plan plan,
    String errorMessage,
    String sqlState) {

  public ExplainResult {
    params = Collections.unmodifiableList(new ArrayList<>(params));
  }

  static ExplainResult explained(String sql, List<Object> params, boolean analyze, Plan plan) {
    return new ExplainResult(sql, params, analyze, plan, null, null);
  }

  static ExplainResult failed(
      String sql, List<Object> params, boolean analyze, String message, String sqlState) {
    return new ExplainResult(sql, params, analyze, null, message, sqlState);
  }

  /** Whether a plan was captured. */
  public boolean succeeded() {
    return plan != null;
  }

  /**
   * A one-line description of the failure, e.g. {@code 42601: syntax error at or near "VACUUM"}.
   */
  public String failureSummary() {
    if (succeeded()) {
      return "";
    }
    String first =
        errorMessage == null ? "unknown error" : errorMessage.lines().findFirst().orElse("");
    return sqlState == null ? first : sqlState + ": " + first;
  }
}
