package dev.indexlab.explain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/** The "JIT:" block EXPLAIN prints after the triggers when the statement was JIT-compiled. */
final class JitText {
  private JitText() {}

  static void jit(Map<String, JsonNode> p, TextLines out) {
    out.add(0, "JIT:");
    out.add(1, "Functions: " + PlanProperties.integerOrZero(p, "Functions"));
    JsonNode o = p.get("Options");
    if (o != null && o.isObject()) {
      out.add(
          1,
          String.format(
              Locale.ROOT,
              "Options: Inlining %s, Optimization %s, Expressions %s, Deforming %s",
              o.path("Inlining").asBoolean(),
              o.path("Optimization").asBoolean(),
              o.path("Expressions").asBoolean(),
              o.path("Deforming").asBoolean()));
    }
    JsonNode t = p.get("Timing");
    if (t != null && t.isObject()) {
      JsonNode gen = t.path("Generation");
      String generation =
          gen.isObject()
              ? String.format(
                  Locale.ROOT,
                  "Generation %.3f ms (Deform %.3f ms)",
                  gen.path("Total").asDouble(),
                  gen.path("Deform").asDouble())
              : String.format(Locale.ROOT, "Generation %.3f ms", gen.asDouble());
      out.add(
          1,
          String.format(
              Locale.ROOT,
              "Timing: %s, Inlining %.3f ms, Optimization %.3f ms, Emission %.3f ms,"
                  + " Total %.3f ms",
              generation,
              t.path("Inlining").asDouble(),
              t.path("Optimization").asDouble(),
              t.path("Emission").asDouble(),
              t.path("Total").asDouble()));
    }
  }
}
