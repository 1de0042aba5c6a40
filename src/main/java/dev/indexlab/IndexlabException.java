package dev.indexlab;

/**
 * The one exception type indexlab throws for expected failures. It carries the process exit status
 * and a one-line message that never contains a password; the CLI prints the message alone, and the
 * stack trace only with {@code --verbose}.
 */
public class IndexlabException extends RuntimeException {
  /** Exit status: the job ran and found a failure (a failed route, a regression). */
  public static final int JOB_FAILED = 1;

  /** Exit status: bad usage or configuration (an option, a file, a target). */
  public static final int USAGE = 2;

  private final int status;

  public IndexlabException(int status, String message) {
    super(message);
    this.status = status;
  }

  public IndexlabException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public static IndexlabException usage(String message) {
    return new IndexlabException(USAGE, message);
  }

  public static IndexlabException failed(String message, Throwable cause) {
    return new IndexlabException(JOB_FAILED, message, cause);
  }

  public int status() {
    return status;
  }
}
