package dev.indexlab.advise;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Why a candidate was proposed, machine-readable and for people. {@code subject} is what the rule
 * looked at (a foreign key's or an index's name); {@code route}, {@code statement} (0-based, as
 * {@link dev.indexlab.workload.RouteStatement#index()}) and {@code node} (the plan node's path) are
 * null when the rule needs no plan. {@code numbers} carry the evidence (rows, bytes, costs) by
 * name; {@code comment} says it in a sentence.
 */
public record Reason(
    Rule rule,
    String subject,
    String route,
    Integer statement,
    String node,
    Map<String, Double> numbers,
    String comment) {
  public Reason {
    numbers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
  }

  /** The route, when the reason comes from one. */
  public Optional<String> routeId() {
    return Optional.ofNullable(route);
  }

  /** {@code rule [subject] route statement N node}: the location part of a header line. */
  public String where() {
    StringBuilder b = new StringBuilder(rule.name());
    if (subject != null) {
      b.append(' ').append(subject);
    }
    if (route != null) {
      b.append(", route ").append(route);
    }
    if (statement != null) {
      b.append(", statement ").append(statement + 1);
    }
    if (node != null) {
      b.append(", node ").append(node);
    }
    return b.toString();
  }

  /** The numbers as {@code name=value; ...}, integral values without a decimal point. */
  public String numbersText() {
    StringBuilder b = new StringBuilder();
    numbers.forEach(
        (k, v) -> {
          if (b.length() > 0) {
            b.append("; ");
          }
          b.append(k).append('=').append(format(v));
        });
    return b.toString();
  }

  /** A number as it appears in files: integral values without {@code .0}. */
  public static String format(double v) {
    if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
