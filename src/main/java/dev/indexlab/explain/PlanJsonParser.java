package dev.indexlab.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.indexlab.IndexlabException;
import dev.indexlab.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the output of {@code EXPLAIN (..., FORMAT JSON)}, with or without ANALYZE, BUFFERS,
 * SETTINGS and WAL, into {@link Plan}s. Unknown properties are kept in the node's property map and
 * otherwise ignored, so plans from newer servers still parse.
 *
 * <pre>{@code
 * Plan plan = PlanJsonParser.parse(jsonText);
 * plan.root().nodeType();   // "ModifyTable"
 * }</pre>
 */
public final class PlanJsonParser {
  private static final ObjectMapper MAPPER = Json.mapper();

  private PlanJsonParser() {}

  /** The first (usually the only) plan of the output. */
  public static Plan parse(String json) {
    List<Plan> plans = parseAll(json);
    if (plans.isEmpty()) {
      throw new IndexlabException(IndexlabException.JOB_FAILED, "EXPLAIN output holds no plan");
    }
    return plans.get(0);
  }

  /** Every plan of the output (a rule can rewrite one statement into several). */
  public static List<Plan> parseAll(String json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IndexlabException(
          IndexlabException.JOB_FAILED, "EXPLAIN output is not JSON: " + e.getOriginalMessage(), e);
    }
    List<Plan> plans = new ArrayList<>();
    if (tree == null) {
      return plans;
    }
    if (tree.isObject()) {
      addQuery(tree, json, plans);
    } else {
      for (JsonNode query : tree) {
        addQuery(query, json, plans);
      }
    }
    return plans;
  }

  private static void addQuery(JsonNode query, String json, List<Plan> plans) {
    JsonNode planNode = query.get("Plan");
    if (planNode == null || !planNode.isObject()) {
      return; // a utility statement (e.g. CREATE TABLE AS of an existing table) has no plan
    }
    Map<String, JsonNode> props = new LinkedHashMap<>();
    query.properties().forEach(e -> props.put(e.getKey(), e.getValue()));
    props.remove("Plan");
    Map<String, String> settings = new LinkedHashMap<>();
    JsonNode s = query.get("Settings");
    if (s != null && s.isObject()) {
      s.properties()
          .forEach(
              e -> settings.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    }
    Buffers planningBuffers = null;
    JsonNode planning = query.get("Planning");
    if (planning != null && planning.isObject()) {
      planningBuffers = Buffers.from(fields(planning));
    }
    plans.add(
        new Plan(
            node(planNode),
            PlanProperties.number(props, "Planning Time"),
            PlanProperties.number(props, "Execution Time"),
            triggers(query.get("Triggers")),
            settings,
            planningBuffers,
            props,
            json));
  }

  private static List<TriggerTime> triggers(JsonNode array) {
    List<TriggerTime> out = new ArrayList<>();
    if (array == null || !array.isArray()) {
      return out;
    }
    for (JsonNode t : array) {
      Map<String, JsonNode> p = fields(t);
      out.add(
          new TriggerTime(
              PlanProperties.text(p, "Trigger Name"),
              PlanProperties.text(p, "Constraint Name"),
              PlanProperties.text(p, "Relation"),
              PlanProperties.number(p, "Time"),
              PlanProperties.numberOrZero(p, "Calls")));
    }
    return out;
  }

  static PlanNode node(JsonNode json) {
    Map<String, JsonNode> props = fields(json);
    JsonNode plans = props.remove("Plans");
    List<PlanNode> children = new ArrayList<>();
    if (plans != null && plans.isArray()) {
      for (JsonNode child : plans) {
        children.add(node(child));
      }
    }
    return new PlanNode(props, children);
  }

  static Map<String, JsonNode> fields(JsonNode object) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }
}
