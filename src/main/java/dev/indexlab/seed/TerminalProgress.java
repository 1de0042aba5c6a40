package dev.indexlab.seed;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A single status line on a terminal, redrawn in place (carriage return, erase to end of line) at
 * most ten times a second: every table being loaded with its rows and rate. A finished table leaves
 * one permanent line behind.
 */
final class TerminalProgress implements Progress {
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final String ERASE = "\r\033[K";

  private final PrintStream out;
  private final Map<String, long[]> active = new LinkedHashMap<>();
  private long lastDraw;

  TerminalProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void tableStarted(String table, long expectedRows) {
    active.put(table, new long[] {0, expectedRows, System.nanoTime()});
    draw(true);
  }

  @Override
  public synchronized void rows(String table, long rows) {
    long[] state = active.get(table);
    if (state != null) {
      state[0] = rows;
      draw(false);
    }
  }

  @Override
  public synchronized void tableFinished(String table, long rows, long nanos) {
    active.remove(table);
    out.printf(
        Locale.ROOT,
        "%s%-24s %,12d rows %8.2f s %,12.0f rows/s%n",
        ERASE,
        table,
        rows,
        nanos / 1e9,
        rate(rows, nanos));
    draw(true);
  }

  @Override
  public synchronized void step(String message) {
    out.print(ERASE + message + "\n");
    draw(true);
  }

  private void draw(boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    StringBuilder line = new StringBuilder(ERASE);
    active.forEach(
        (table, s) ->
            line.append(
                String.format(
                    Locale.ROOT,
                    "%s %,d/%,d (%,.0f rows/s)  ",
                    table,
                    s[0],
                    s[1],
                    rate(s[0], now - s[2]))));
    out.print(line);
    out.flush();
  }

  static double rate(long rows, long nanos) {
    return nanos <= 0 ? 0 : rows / (nanos / 1e9);
  }
}
