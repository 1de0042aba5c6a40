package dev.indexlab.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * The log of a command run with {@code -q}: progress lines are dropped, and only the lines that
 * report a problem ({@code indexlab: ...}, or saying that something failed) get through to {@code
 * target}.
 */
final class QuietLog extends Writer {
  private final PrintWriter target;
  private final StringBuilder line = new StringBuilder();

  private QuietLog(PrintWriter target) {
    this.target = target;
  }

  /** {@code target} itself unless {@code quiet}, else a writer that passes problem lines only. */
  static PrintWriter of(PrintWriter target, boolean quiet) {
    return quiet ? new PrintWriter(new QuietLog(target), true) : target;
  }

  @Override
  public synchronized void write(char[] chars, int off, int len) {
    for (int i = off; i < off + len; i++) {
      char ch = chars[i];
      if (ch == '\n') {
        String text = line.toString();
        if (text.startsWith("indexlab:") || text.contains("FAILED") || text.contains("failed")) {
          target.println(line);
        }
        line.setLength(0);
      } else if (ch != '\r') {
        line.append(ch);
      }
    }
  }

  @Override
  public void flush() {
    target.flush();
  }

  @Override
  public void close() {
    flush();
  }
}
