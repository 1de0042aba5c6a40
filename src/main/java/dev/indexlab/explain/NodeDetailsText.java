package dev.indexlab.explain;

import static dev.indexlab.explain.PlanProperties.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The property lines under a node's first line, in the order the JSON lists the properties: the
 * server emits JSON and text from the same code path, so the JSON order is the text order. Each
 * property (or group of properties that makes one line) is printed the way explain.c's text branch
 * prints it, including its rule for leaving zero values out.
 */
final class NodeDetailsText {
  /** Properties printed on the node's first line (or not at all in text). */
  static final Set<String> HEADER_KEYS =
      Set.of(
          "Node Type",
          "Strategy",
          "Partial Mode",
          "Operation",
          "Parent Relationship",
          "Subplan Name",
          "Custom Plan Provider",
          "Parallel Aware",
          "Async Capable",
          "Relation Name",
          "Function Name",
          "Table Function Name",
          "CTE Name",
          "Tuplestore Name",
          "Schema",
          "Alias",
          "Scan Direction",
          "Index Name",
          "Join Type",
          "Command",
          "Startup Cost",
          "Total Cost",
          "Plan Rows",
          "Plan Width",
          "Actual Startup Time",
          "Actual Total Time",
          "Actual Rows",
          "Actual Loops",
          "Plans");

  private static final Set<String> TEXT_KEYS =
      Set.of(
          "Index Cond",
          "Recheck Cond",
          "Filter",
          "Join Filter",
          "Hash Cond",
          "Merge Cond",
          "One-Time Filter",
          "TID Cond",
          "Order By",
          "Run Condition",
          "Conflict Filter",
          "Cache Key",
          "Cache Mode",
          "Function Call",
          "Table Function Call",
          "Conflict Resolution",
          "Window");

  private static final Set<String> LIST_KEYS =
      Set.of(
          "Output",
          "Sort Key",
          "Presorted Key",
          "Group Key",
          "Conflict Arbiter Indexes",
          "Params Evaluated");

  private static final Set<String> ALWAYS_COUNTS =
      Set.of("Heap Fetches", "Workers Planned", "Workers Launched", "Index Searches");

  private static final Set<String> POSITIVE_COUNTS = Set.of("Subplans Removed");

  private final boolean verbose;
  private final boolean showWal;

  NodeDetailsText(boolean verbose, boolean showWal) {
    this.verbose = verbose;
    this.showWal = showWal;
  }

  /** The lines of a plan node's properties. */
  void node(PlanNode node, int indent, TextLines out) {
    append(node.nodeType(), node.operation(), node.properties(), false, indent, out);
  }

  private void append(
      String nodeType,
      String operation,
      Map<String, JsonNode> p,
      boolean worker,
      int indent,
      TextLines out) {
    Set<String> done = new HashSet<>();
    for (Map.Entry<String, JsonNode> e : p.entrySet()) {
      String key = e.getKey();
      if (done.contains(key) || (!worker && HEADER_KEYS.contains(key))) {
        continue;
      }
      JsonNode v = e.getValue();
      if (TEXT_KEYS.contains(key)) {
        out.add(indent, key + ": " + v.asText());
      } else if (LIST_KEYS.contains(key)) {
        out.add(indent, key + ": " + String.join(", ", PlanProperties.list(v)));
      } else if (key.startsWith("Rows Removed by ") || POSITIVE_COUNTS.contains(key)) {
        if (v.asDouble() > 0) {
          out.add(indent, key + ": " + DetailGroupText.count(v.asDouble()));
        }
      } else if (ALWAYS_COUNTS.contains(key)) {
        out.add(indent, key + ": " + DetailGroupText.count(v.asDouble()));
      } else if (key.equals("Single Copy") || key.equals("Disabled")) {
        if (v.asBoolean(false)) {
          out.add(indent, key + ": true");
        }
      } else if (key.equals("Inner Unique")) {
        if (verbose && v.asBoolean(false)) {
          out.add(indent, key + ": true");
        }
      } else {
        group(nodeType, operation, p, key, indent, out, done);
      }
    }
  }

  private void group(
      String nodeType,
      String operation,
      Map<String, JsonNode> p,
      String key,
      int indent,
      TextLines out,
      Set<String> done) {
    if (DetailGroupText.isBufferKey(key)) {
      markDone(p, done, DetailGroupText::isBufferKey);
      DetailGroupText.buffers(p, indent, out);
    } else if (key.startsWith("WAL ")) {
      markDone(p, done, k -> k.startsWith("WAL "));
      if (showWal) {
        DetailGroupText.wal(p, indent, out);
      }
    } else if (key.startsWith("Sort Space") || key.equals("Sort Method")) {
      done.addAll(List.of("Sort Method", "Sort Space Used", "Sort Space Type"));
      DetailGroupText.sort(p, indent, out);
    } else if (key.endsWith("Heap Blocks")) {
      done.addAll(List.of("Exact Heap Blocks", "Lossy Heap Blocks"));
      DetailGroupText.heapBlocks(p, indent, out);
    } else if ("Hash".equals(nodeType)
        && (key.contains("Hash B") || key.equals("Peak Memory Usage"))) {
      done.addAll(
          List.of(
              "Hash Buckets",
              "Original Hash Buckets",
              "Hash Batches",
              "Original Hash Batches",
              "Peak Memory Usage"));
      DetailGroupText.hash(p, indent, out);
    } else if ("Aggregate".equals(nodeType) && isHashAggKey(key)) {
      done.addAll(
          List.of("Planned Partitions", "HashAgg Batches", "Peak Memory Usage", "Disk Usage"));
      DetailGroupText.hashAggregate(p, indent, out);
    } else if ("Memoize".equals(nodeType)
        && (key.startsWith("Cache ") || key.equals("Peak Memory Usage"))) {
      done.addAll(
          List.of(
              "Cache Hits",
              "Cache Misses",
              "Cache Evictions",
              "Cache Overflows",
              "Peak Memory Usage"));
      DetailGroupText.memoize(p, indent, out);
    } else if (key.endsWith("-sort Groups") || key.endsWith("Pre-sorted Groups")) {
      DetailGroupText.incrementalSortGroup(key, p.get(key), indent, out);
    } else if ("Merge".equals(operation) && key.startsWith("Tuples ")) {
      done.addAll(List.of("Tuples Inserted", "Tuples Updated", "Tuples Deleted", "Tuples Skipped"));
      DetailGroupText.mergeTuples(p, indent, out);
    } else if (key.equals("Tuples Inserted") || key.equals("Conflicting Tuples")) {
      out.add(indent, key + ": " + DetailGroupText.count(p.get(key).asDouble()));
    } else if (key.startsWith("Sampling ") || key.equals("Repeatable Seed")) {
      done.addAll(List.of("Sampling Method", "Sampling Parameters", "Repeatable Seed"));
      DetailGroupText.sampling(p, indent, out);
    } else if (key.equals("Storage") || key.equals("Maximum Storage")) {
      done.addAll(List.of("Storage", "Maximum Storage"));
      DetailGroupText.storage(p, indent, out);
    } else if (key.equals("Grouping Sets")) {
      groupingSets(p.get(key), indent, out);
    } else if (key.equals("Target Tables")) {
      targetTables(operation, p.get(key), indent, out);
    } else if (key.equals("Workers")) {
      workers(nodeType, operation, p.get(key), indent, out);
    } else if (key.equals("Actual Loops")) {
      out.add(indent, NodeHeaderText.actualFigures(p));
    }
    // anything else (Worker Number, properties of newer servers) has no text line here
  }

  private static boolean isHashAggKey(String key) {
    return key.equals("Planned Partitions")
        || key.equals("HashAgg Batches")
        || key.equals("Peak Memory Usage")
        || key.equals("Disk Usage");
  }

  private static void markDone(
      Map<String, JsonNode> p, Set<String> done, java.util.function.Predicate<String> member) {
    for (String k : p.keySet()) {
      if (member.test(k)) {
        done.add(k);
      }
    }
  }

  private static void groupingSets(JsonNode sets, int indent, TextLines out) {
    for (JsonNode set : sets) {
      Map<String, JsonNode> s = PlanJsonParser.fields(set);
      int level = indent;
      if (s.containsKey("Sort Key")) {
        out.add(level, "Sort Key: " + String.join(", ", PlanProperties.list(s, "Sort Key")));
        level++;
      }
      String label = s.containsKey("Hash Keys") ? "Hash Key" : "Group Key";
      JsonNode keySets = s.containsKey("Hash Keys") ? s.get("Hash Keys") : s.get("Group Keys");
      if (keySets == null) {
        continue;
      }
      for (JsonNode keys : keySets) {
        List<String> names = PlanProperties.list(keys);
        out.add(level, label + ": " + (names.isEmpty() ? "()" : String.join(", ", names)));
      }
    }
  }

  private static void targetTables(String operation, JsonNode targets, int indent, TextLines out) {
    for (JsonNode target : targets) {
      Map<String, JsonNode> t = PlanJsonParser.fields(target);
      out.add(indent, (operation == null ? "" : operation) + NodeHeaderText.target(t));
    }
  }

  private void workers(
      String nodeType, String operation, JsonNode workers, int indent, TextLines out) {
    for (JsonNode worker : workers) {
      Map<String, JsonNode> w = PlanJsonParser.fields(worker);
      TextLines lines = new TextLines();
      append(nodeType, operation, w, true, indent + 1, lines);
      if (lines.isEmpty()) {
        continue;
      }
      String first = lines.get(0).strip();
      lines.set(0, "  ".repeat(indent) + "Worker " + text(w, "Worker Number") + ":  " + first);
      out.addAll(lines);
    }
  }
}
