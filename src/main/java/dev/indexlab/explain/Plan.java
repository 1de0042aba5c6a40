package dev.indexlab.explain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One statement's plan as {@code EXPLAIN (..., FORMAT JSON)} reported it. Built by {@link
 * PlanJsonParser}; {@link #json()} keeps the server's text as is, for saving (plan visualizers such
 * as pev2 load it unchanged).
 *
 * @param root the top plan node
 * @param planningTimeMs planning time, or null when the server did not report it (EXPLAIN without
 *     ANALYZE or SUMMARY)
 * @param executionTimeMs execution time including triggers, or null without ANALYZE
 * @param triggers the triggers that fired (ANALYZE only; empty otherwise)
 * @param settings the planner settings that differ from defaults (SETTINGS only; empty otherwise)
 * @param planningBuffers the buffers planning touched, or null without BUFFERS
 * @param properties every query-level property in server order (Plan excluded), for rendering
 * @param json the server's JSON text as returned
 */
public record Plan(
    PlanNode root,
    Double planningTimeMs,
    Double executionTimeMs,
    List<TriggerTime> triggers,
    Map<String, String> settings,
    Buffers planningBuffers,
    Map<String, JsonNode> properties,
    String json) {

  public Plan {
    triggers = List.copyOf(triggers);
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** Whether the statement was executed (EXPLAIN ANALYZE). */
  public boolean analyzed() {
    return root.analyzed();
  }

  /** The WAL the statement generated (the root's inclusive counters), or null without WAL. */
  public WalUsage walTotals() {
    return root.wal();
  }

  /** The first ModifyTable node (the statement's target for INSERT/UPDATE/DELETE/MERGE). */
  public Optional<PlanNode> modifyTable() {
    return root.walk().filter(n -> "ModifyTable".equals(n.nodeType())).findFirst();
  }

  /**
   * The rows the statement produced: for INSERT/UPDATE/DELETE without RETURNING, the rows its
   * ModifyTable processed; otherwise the root's rows. 0 when not analyzed.
   */
  public double statementRows() {
    if ("ModifyTable".equals(root.nodeType()) && root.totalActualRows() == 0.0) {
      return root.children().stream()
          .filter(c -> "Outer".equals(c.parentRelationship()))
          .mapToDouble(PlanNode::totalActualRows)
          .sum();
    }
    return root.totalActualRows();
  }
}
