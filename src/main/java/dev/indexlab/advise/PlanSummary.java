package dev.indexlab.advise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.indexlab.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The two things the what-if needs from an {@code EXPLAIN (FORMAT JSON)} plan: the root node's
 * estimated total cost, and the names of every index any node scans.
 */
record PlanSummary(double totalCost, Set<String> indexNames) {
  private static final ObjectMapper JSON = Json.mapper();

  public PlanSummary {
    indexNames = Set.copyOf(indexNames);
  }

  /** Parses the JSON text PostgreSQL returns for {@code EXPLAIN (FORMAT JSON)}. */
  public static PlanSummary parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not EXPLAIN JSON: " + e.getMessage(), e);
    }
    JsonNode plan = (root.isArray() ? root.path(0) : root).path("Plan");
    if (plan.isMissingNode()) {
      throw new IllegalArgumentException("EXPLAIN JSON without a Plan");
    }
    Set<String> names = new TreeSet<>();
    collect(plan, names);
    return new PlanSummary(plan.path("Total Cost").asDouble(), names);
  }

  private static void collect(JsonNode node, Set<String> names) {
    JsonNode name = node.get("Index Name");
    if (name != null && name.isTextual()) {
      names.add(name.asText());
    }
    for (JsonNode child : node.path("Plans")) {
      collect(child, names);
    }
  }

  /** True when the plan scans any of {@code indexes}. */
  public boolean usesAny(Set<String> indexes) {
    return indexNames.stream().anyMatch(indexes::contains);
  }
}
