package dev.indexlab.workload;

import dev.indexlab.IndexlabException;

/**
 * A route statement failed at run time. The message names the file, line and statement and carries
 * the server's message and SQLSTATE.
 */
public final class RouteFailure extends IndexlabException {
  private final String sqlState;

  public RouteFailure(String message, String sqlState, Throwable cause) {
    super(JOB_FAILED, message, cause);
    this.sqlState = sqlState;
  }

  public String sqlState() {
    return sqlState;
  }
}
