package dev.indexlab.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.indexlab.Json;
import java.util.Map;
import java.util.Optional;

/**
 * The statement and parameters in an auto_explain plan message: {@code Query Text:} and {@code
 * Query Parameters:} lines of the text format (the text ends where the parameters or the plan's
 * first node, a line with {@code (cost=}, begin), or the same keys of the JSON format.
 */
final class AutoExplainText {
  private static final ObjectMapper JSON = Json.mapper();

  record Query(String sql, Map<Integer, String> values) {}

  private AutoExplainText() {}

  static Optional<Query> read(String plan) {
    String p = plan.strip();
    if (p.startsWith("{")) {
      try {
        JsonNode n = JSON.readTree(p);
        JsonNode text = n.get("Query Text");
        if (text == null) {
          return Optional.empty();
        }
        JsonNode params = n.get("Query Parameters");
        return Optional.of(
            new Query(
                text.asText().strip(),
                params == null ? Map.of() : LoggedParameters.parse(params.asText())));
      } catch (Exception e) {
        return Optional.empty();
      }
    }
    int start = p.indexOf("Query Text: ");
    if (start < 0) {
      return Optional.empty();
    }
    StringBuilder sql = new StringBuilder();
    Map<Integer, String> values = Map.of();
    String[] lines = p.substring(start + "Query Text: ".length()).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String trimmed = line.strip();
      if (trimmed.startsWith("Query Parameters: ")) {
        values = LoggedParameters.parse(trimmed.substring("Query Parameters: ".length()));
        break;
      }
      if (i > 0 && line.contains("(cost=")) {
        break;
      }
      if (i > 0) {
        sql.append('\n');
      }
      sql.append(line);
    }
    return Optional.of(new Query(sql.toString().strip(), values));
  }
}
