package dev.indexlab.capture;

import dev.indexlab.IndexlabException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** The log formats {@code capture --log} reads, and how a file's first line tells them apart. */
enum ServerLogFormat {
  STDERR,
  CSVLOG,
  JSONLOG;

  static final String SUPPORTED =
      "supported: stderr (log_destination = 'stderr', any log_line_prefix), csvlog, jsonlog";

  private static final Pattern CSV_START =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2} [0-9:.]+(?: [A-Za-z0-9+:-]+)?,");

  /** The format of a log whose first non-empty line is {@code first} (line {@code lineNo}). */
  static ServerLogFormat detect(Path file, String first, int lineNo) {
    String t = first.stripLeading();
    if (t.startsWith("{")) {
      return JSONLOG;
    }
    if (CSV_START.matcher(t).find()) {
      return CSVLOG;
    }
    if (StderrLog.severityAt(first) >= 0) {
      return STDERR;
    }
    throw IndexlabException.usage(
        file + ":" + lineNo + ": not a PostgreSQL log line (" + SUPPORTED + ")");
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
