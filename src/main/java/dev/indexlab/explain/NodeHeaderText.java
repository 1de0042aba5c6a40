package dev.indexlab.explain;

import static dev.indexlab.explain.PlanProperties.number;
import static dev.indexlab.explain.PlanProperties.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * A node's first line in EXPLAIN's text: the text name (which folds strategy, operation and join
 * type into the node type), the index and target relation, the estimates and the actuals, e.g.
 * {@code Index Scan using users_pkey on users (cost=0.28..8.29 rows=1 width=6) (actual
 * time=0.027..0.028 rows=1 loops=1)}.
 */
final class NodeHeaderText {
  private NodeHeaderText() {}

  static String header(PlanNode node) {
    Map<String, JsonNode> p = node.properties();
    StringBuilder b = new StringBuilder();
    if (PlanProperties.bool(p, "Parallel Aware")) {
      b.append("Parallel ");
    }
    if (PlanProperties.bool(p, "Async Capable")) {
      b.append("Async ");
    }
    String type = node.nodeType();
    b.append(textName(p, type));
    if ("Index Scan".equals(type) || "Index Only Scan".equals(type)) {
      if ("Backward".equals(text(p, "Scan Direction"))) {
        b.append(" Backward");
      }
      b.append(" using ").append(ServerIdentifierQuoting.quote(text(p, "Index Name")));
    } else if ("Bitmap Index Scan".equals(type)) {
      b.append(" on ").append(ServerIdentifierQuoting.quote(text(p, "Index Name")));
    }
    if (p.containsKey("Alias")) {
      b.append(target(p));
    }
    String joinType = text(p, "Join Type");
    if (joinType != null) {
      if (!"Inner".equals(joinType)) {
        b.append(' ').append(joinType).append(" Join");
      } else if (!"Nested Loop".equals(type)) {
        b.append(" Join");
      }
    }
    if ("SetOp".equals(type) && p.containsKey("Command")) {
      b.append(' ').append(text(p, "Command"));
    }
    if (p.containsKey("Startup Cost")) {
      b.append(
          String.format(
              Locale.ROOT,
              "  (cost=%.2f..%.2f rows=%.0f width=%d)",
              number(p, "Startup Cost"),
              PlanProperties.numberOrZero(p, "Total Cost"),
              PlanProperties.numberOrZero(p, "Plan Rows"),
              PlanProperties.integerOrZero(p, "Plan Width")));
    }
    if (node.analyzed()) {
      b.append(actuals(p));
    }
    return b.toString();
  }

  /** {@code " on [schema.]name [alias]"} as ExplainTargetRel prints it. */
  static String target(Map<String, JsonNode> p) {
    String name = text(p, "Relation Name");
    for (String key :
        new String[] {"Function Name", "Table Function Name", "CTE Name", "Tuplestore Name"}) {
      if (name == null) {
        name = text(p, key);
      }
    }
    String schema = text(p, "Schema");
    String alias = text(p, "Alias");
    StringBuilder b = new StringBuilder(" on");
    if (schema != null && name != null) {
      b.append(' ')
          .append(ServerIdentifierQuoting.quote(schema))
          .append('.')
          .append(ServerIdentifierQuoting.quote(name));
    } else if (name != null) {
      b.append(' ').append(ServerIdentifierQuoting.quote(name));
    }
    if (alias != null && (name == null || !name.equals(alias))) {
      b.append(' ').append(ServerIdentifierQuoting.quote(alias));
    }
    return b.toString();
  }

  private static String textName(Map<String, JsonNode> p, String type) {
    if (type == null) {
      return "???";
    }
    switch (type) {
      case "ModifyTable":
        return text(p, "Operation");
      case "Hash Join":
        return "Hash";
      case "Merge Join":
        return "Merge";
      case "Foreign Scan":
        {
          String op = text(p, "Operation");
          return op == null || "Select".equals(op) ? "Foreign Scan" : "Foreign " + op;
        }
      case "Custom Scan":
        {
          String provider = text(p, "Custom Plan Provider");
          return provider == null ? type : "Custom Scan (" + provider + ")";
        }
      case "Aggregate":
        return partial(p, aggregateName(text(p, "Strategy")));
      case "SetOp":
        return "Hashed".equals(text(p, "Strategy")) ? "HashSetOp" : "SetOp";
      default:
        return type;
    }
  }

  private static String aggregateName(String strategy) {
    if (strategy == null) {
      return "Aggregate";
    }
    switch (strategy) {
      case "Sorted":
        return "GroupAggregate";
      case "Hashed":
        return "HashAggregate";
      case "Mixed":
        return "MixedAggregate";
      default:
        return "Aggregate";
    }
  }

  private static String partial(Map<String, JsonNode> p, String name) {
    String mode = text(p, "Partial Mode");
    return mode == null || "Simple".equals(mode) ? name : mode + " " + name;
  }

  private static String actuals(Map<String, JsonNode> p) {
    if (PlanProperties.numberOrZero(p, "Actual Loops") == 0.0) {
      return " (never executed)";
    }
    return " (" + actualFigures(p) + ")";
  }

  /** {@code actual time=0.012..0.034 rows=5 loops=1} of a node or worker ({@code p}). */
  static String actualFigures(Map<String, JsonNode> p) {
    StringBuilder b = new StringBuilder("actual ");
    Double startup = number(p, "Actual Startup Time");
    if (startup != null) {
      b.append(
          String.format(
              Locale.ROOT,
              "time=%.3f..%.3f ",
              startup,
              PlanProperties.numberOrZero(p, "Actual Total Time")));
    }
    b.append("rows=").append(DetailGroupText.actualRows(p));
    b.append(" loops=")
        .append(DetailGroupText.count(PlanProperties.numberOrZero(p, "Actual Loops")));
    return b.toString();
  }
}
