package dev.indexlab.explain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of one EXPLAIN JSON property map (a plan node, the query level, a worker). Every
 * method returns {@code null} (or an empty list) when the property is absent, so callers can tell
 * "not reported" from zero.
 */
final class PlanProperties {
  private PlanProperties() {}

  static String text(Map<String, JsonNode> p, String key) {
    JsonNode v = p.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  static Double number(Map<String, JsonNode> p, String key) {
    JsonNode v = p.get(key);
    return v == null || !v.isNumber() ? null : v.asDouble();
  }

  static Long integer(Map<String, JsonNode> p, String key) {
    JsonNode v = p.get(key);
    return v == null || !v.isNumber() ? null : v.asLong();
  }

  static long integerOrZero(Map<String, JsonNode> p, String key) {
    Long v = integer(p, key);
    return v == null ? 0L : v;
  }

  static double numberOrZero(Map<String, JsonNode> p, String key) {
    Double v = number(p, key);
    return v == null ? 0.0 : v;
  }

  static boolean bool(Map<String, JsonNode> p, String key) {
    JsonNode v = p.get(key);
    return v != null && v.asBoolean(false);
  }

  static List<String> list(Map<String, JsonNode> p, String key) {
    JsonNode v = p.get(key);
    return list(v);
  }

  static List<String> list(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isArray()) {
      v.forEach(e -> out.add(e.asText()));
    } else {
      out.add(v.asText());
    }
    return out;
  }
}
