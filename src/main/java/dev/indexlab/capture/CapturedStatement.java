package dev.indexlab.capture;

import java.util.List;
import java.util.Map;

/**
 * One statement of the application, as the server recorded it: its text with {@code $n}
 * placeholders, how often it ran and for how long in all, the rows it returned or wrote ({@code -1}
 * when not known, as from a log), the pg_stat_statements queryid (null from a log), and the
 * parameter values the log showed for each execution ({@code $n} by {@code n}, null for NULL).
 */
record CapturedStatement(
    String queryId,
    String sql,
    long calls,
    double totalMs,
    long rows,
    List<Map<Integer, String>> loggedValues) {
  public CapturedStatement {
    loggedValues = List.copyOf(loggedValues);
  }

  /** Mean execution time in ms. */
  public double meanMs() {
    return calls == 0 ? 0 : totalMs / calls;
  }
}
