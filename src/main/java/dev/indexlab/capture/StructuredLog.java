package dev.indexlab.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.indexlab.IndexlabException;
import dev.indexlab.Json;
import dev.indexlab.workload.ParamFile;
import java.io.IOException;
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
    List<List<ParamFile.Field>> records;
    try {
      records = ParamFile.parse(file, text);
    } catch (IOException e) {
      throw IndexlabException.usage(e.getMessage());
    }
    List<LogRecord> out = new ArrayList<>();
    for (List<ParamFile.Field> r : records) {
      out.add(record(file, r.get(0).line(), r.stream().map(ParamFile.Field::text).toList()));
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
