package dev.indexlab.capture;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements a server log recorded with their durations and parameter values: what {@code
 * log_min_duration_statement} writes ({@code duration: 1.2 ms execute S_1: SELECT ...} with a
 * {@code Parameters: $1 = '42'} detail, or {@code statement: ...} for the simple protocol) and what
 * auto_explain writes ({@code duration: ... plan:} with {@code Query Text:} and, from PostgreSQL 16
 * with {@code auto_explain.log_parameter_max_length}, {@code Query Parameters:}; text or JSON
 * format). Other messages (parse and bind steps, errors) are passed over.
 */
final class ServerLog {
  /** One execution the log recorded. */
  record Execution(String database, String sql, double durationMs, Map<Integer, String> values) {}

  private static final Pattern DURATION =
      Pattern.compile(
          "^duration: ([0-9.]+) ms  (?:(?:execute [^:]*|statement): (.*)|plan:\\s*\\n(.*))$",
          Pattern.DOTALL);

  private ServerLog() {}

  /** Reads {@code file}; a usage error naming the line for an unreadable or unknown format. */
  static List<Execution> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw IndexlabException.usage(Setting.LOG + " " + file + ": cannot read: " + e.getMessage());
    } catch (RuntimeException e) {
      throw IndexlabException.usage(
          Setting.LOG + " " + file + ": not UTF-8 text (" + ServerLogFormat.SUPPORTED + ")");
    }
    List<String> lines = text.lines().toList();
    int first = 0;
    while (first < lines.size() && lines.get(first).isBlank()) {
      first++;
    }
    if (first == lines.size()) {
      throw IndexlabException.usage(Setting.LOG + " " + file + ": the file is empty");
    }
    List<LogRecord> records =
        switch (ServerLogFormat.detect(file, lines.get(first), first + 1)) {
          case STDERR -> StderrLog.read(file, lines);
          case CSVLOG -> StructuredLog.csvlog(file, text);
          case JSONLOG -> StructuredLog.jsonlog(file, lines);
        };
    List<Execution> out = new ArrayList<>();
    for (LogRecord r : records) {
      if (!"LOG".equals(r.severity()) || r.message() == null) {
        continue;
      }
      Matcher m = DURATION.matcher(r.message());
      if (!m.matches()) {
        continue;
      }
      double ms = Double.parseDouble(m.group(1));
      if (m.group(2) != null) {
        Map<Integer, String> values =
            r.detail() != null && r.detail().startsWith("Parameters: ")
                ? LoggedParameters.parse(r.detail().substring("Parameters: ".length()))
                : Map.of();
        out.add(new Execution(r.database(), m.group(2).strip(), ms, values));
      } else {
        AutoExplainText.read(m.group(3))
            .ifPresent(
                q ->
                    out.add(
                        new Execution(r.database(), q.sql(), ms, new LinkedHashMap<>(q.values()))));
      }
    }
    return out;
  }
}
