package dev.indexlab.seed;

import java.io.PrintStream;

/**
 * Where a load reports what it is doing. Calls may come from several loader threads at once;
 * implementations are thread-safe. {@link #forStderr()} picks a single updating line on a terminal
 * and plain log lines otherwise; {@link #quiet()} says nothing (tests).
 */
public interface Progress {
  /** A table's copy begins; {@code expectedRows} is what the generator will write. */
  void tableStarted(String table, long expectedRows);

  /** {@code rows} rows of {@code table} have been sent so far. */
  void rows(String table, long rows);

  /** A table's copy (and its primary key) is done. */
  void tableFinished(String table, long rows, long nanos);

  /** A phase begins, such as "adding foreign keys". */
  void step(String message);

  /** Says nothing. */
  static Progress quiet() {
    return QuietProgress.INSTANCE;
  }

  /** An updating line when a console is attached, else log lines; both on standard error. */
  static Progress forStderr() {
    return forStream(System.err, System.console() != null);
  }

  /** An updating line ({@code terminal}) or log lines on {@code out}. */
  static Progress forStream(PrintStream out, boolean terminal) {
    return terminal ? new TerminalProgress(out) : new LogProgress(out);
  }

  /** The no-op implementation. */
  enum QuietProgress implements Progress {
    INSTANCE;

    @Override
    public void tableStarted(String table, long expectedRows) {}

    @Override
    public void rows(String table, long rows) {}

    @Override
    public void tableFinished(String table, long rows, long nanos) {}

    @Override
    public void step(String message) {}
  }
}
