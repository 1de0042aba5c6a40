package dev.indexlab.seed;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Plain log lines for a non-terminal standard error (CI logs, pipes): one line per finished table
 * and per phase, plus a line every ten seconds for a table that is still loading.
 */
final class LogProgress implements Progress {
  private static final long EVERY_NANOS = 10_000_000_000L;

  private final PrintStream out;
  private long lastLine = System.nanoTime();

  LogProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void tableStarted(String table, long expectedRows) {
    out.printf(Locale.ROOT, "indexlab: loading %s (%,d rows)%n", table, expectedRows);
  }

  @Override
  public synchronized void rows(String table, long rows) {
    long now = System.nanoTime();
    if (now - lastLine >= EVERY_NANOS) {
      lastLine = now;
      out.printf(Locale.ROOT, "indexlab: %s: %,d rows so far%n", table, rows);
    }
  }

  @Override
  public synchronized void tableFinished(String table, long rows, long nanos) {
    out.printf(
        Locale.ROOT,
        "indexlab: loaded %s: %,d rows in %.2f s (%,.0f rows/s)%n",
        table,
        rows,
        nanos / 1e9,
        TerminalProgress.rate(rows, nanos));
  }

  @Override
  public synchronized void step(String message) {
    out.println("indexlab: " + message);
  }
}
