package dev.indexlab.capture;

import dev.indexlab.IndexlabException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the stderr log format: each message starts on a line that holds, after whatever {@code
 * log_line_prefix} wrote, a severity and a colon and two spaces ({@code LOG: }); its further lines
 * start with a tab. A DETAIL is a message of its own that the server writes right after the one it
 * belongs to. The database is not known (the prefix is the user's choice).
 */
final class StderrLog {
  private static final String[] SEVERITIES = {
    "LOG", "DETAIL", "STATEMENT", "ERROR", "WARNING", "NOTICE", "INFO", "HINT", "CONTEXT",
    "FATAL", "PANIC", "DEBUG1", "DEBUG2", "DEBUG3", "DEBUG4", "DEBUG5", "QUERY", "LOCATION"
  };

  private StderrLog() {}

  /** Where the severity word starts on {@code line}, or -1 when it starts no message. */
  static int severityAt(String line) {
    int best = -1;
    for (String s : SEVERITIES) {
      int i = line.indexOf(s + ":  ");
      while (i > 0 && Character.isLetterOrDigit(line.charAt(i - 1))) {
        i = line.indexOf(s + ":  ", i + 1);
      }
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }

  static List<LogRecord> read(Path file, List<String> lines) {
    List<LogRecord> out = new ArrayList<>();
    String severity = null;
    StringBuilder message = new StringBuilder();
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("\t") && severity != null) {
        message.append('\n').append(line.substring(1));
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      int at = severityAt(line);
      if (at < 0) {
        throw IndexlabException.usage(
            file
                + ":"
                + (i + 1)
                + ": not a line of a PostgreSQL stderr log ("
                + ServerLogFormat.SUPPORTED
                + ")");
      }
      if (severity != null) {
        add(out, start, severity, message.toString());
      }
      int colon = line.indexOf(':', at);
      severity = line.substring(at, colon);
      message.setLength(0);
      message.append(line.substring(colon + 3));
      start = i + 1;
    }
    if (severity != null) {
      add(out, start, severity, message.toString());
    }
    return out;
  }

  /** Adds a message; a DETAIL is attached to the message before it. */
  private static void add(List<LogRecord> out, int line, String severity, String message) {
    if (severity.equals("DETAIL") && !out.isEmpty()) {
      LogRecord last = out.remove(out.size() - 1);
      out.add(new LogRecord(last.line(), null, last.severity(), last.message(), message));
      return;
    }
    out.add(new LogRecord(line, null, severity, message, null));
  }
}
