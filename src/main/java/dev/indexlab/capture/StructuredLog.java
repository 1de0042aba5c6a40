package dev.indexlab.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.indexlab.IndexlabException;
import dev.indexlab.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads csvlog and jsonlog files: one record per message, with the database, the severity, the
 * message and the detail in fields of their own (csvlog's columns 3, 12, 14 and 15; jsonlog's
 * {@code dbname}, {@code error_severity}, {@code message} and {@code detail}).
 */
final class StructuredLog {
  private static final ObjectMapper JSON = Json.mapper();

  private StructuredLog() {}

  static List<LogRecord> jsonlog(Path file, List<String> lines) {
    List<LogRecord> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      JsonNode n;
      try {
        n = JSON.readTree(line);
      } catch (Exception e) {
        n = null;
      }
      if (n == null || !n.isObject() || !n.has("message")) {
        throw IndexlabException.usage(
            file + ":" + (i + 1) + ": not a jsonlog record (" + ServerLogFormat.SUPPORTED + ")");
      }
      out.add(
          new LogRecord(
              i + 1,
              text(n, "dbname"),
              text(n, "error_severity"),
              text(n, "message"),
              text(n, "detail")));
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static List<LogRecord> csvlog(Path file, String text) {
    List<LogRecord> out = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    int i = 0;
    int n = text.length();
    boolean any = false;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '"' && b.length() == 0) {
        i++;
        while (true) {
          if (i >= n) {
            throw IndexlabException.usage(
                file + ":" + recordLine + ": unterminated quoted csvlog field");
          }
          char q = text.charAt(i);
          if (q == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
            b.append('"');
            i += 2;
          } else if (q == '"') {
            i++;
            break;
          } else {
            if (q == '\n') {
              line++;
            }
            b.append(q);
            i++;
          }
        }
        any = true;
      } else if (c == ',') {
        fields.add(any || b.length() > 0 ? b.toString() : null);
        b.setLength(0);
        any = false;
        i++;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        i++;
        if (!fields.isEmpty() || b.length() > 0) {
          fields.add(any || b.length() > 0 ? b.toString() : null);
          out.add(record(file, recordLine, fields));
        }
        fields = new ArrayList<>();
        b.setLength(0);
        any = false;
        line++;
        recordLine = line;
      } else {
        b.append(c);
        i++;
      }
    }
    if (!fields.isEmpty() || b.length() > 0) {
      fields.add(any || b.length() > 0 ? b.toString() : null);
      out.add(record(file, recordLine, fields));
    }
    return out;
  }

  private static LogRecord record(Path file, int line, List<String> f) {
    if (f.size() < 15) {
      throw IndexlabException.usage(
          file
              + ":"
              + line
              + ": a csvlog record has at least 15 fields, this one "
              + f.size()
              + " ("
              + ServerLogFormat.SUPPORTED
              + ")");
    }
    return new LogRecord(line, f.get(2), f.get(11), f.get(13), f.get(14));
  }
}
