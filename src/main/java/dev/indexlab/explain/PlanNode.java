package dev.indexlab.explain;

import static dev.indexlab.explain.PlanProperties.integer;
import static dev.indexlab.explain.PlanProperties.list;
import static dev.indexlab.explain.PlanProperties.number;
import static dev.indexlab.explain.PlanProperties.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One node of a plan. {@link #properties()} holds every property the server reported for the node,
 * in the server's order (the order EXPLAIN's text prints them in, which the text renderer relies
 * on); the accessors below type the ones indexlab reads. Absent properties read as {@code null}:
 * without ANALYZE every {@code actual...} accessor is {@code null}. Treat the JSON values as
 * read-only.
 *
 * @param properties the node's JSON properties except {@code Plans}, in server order
 * @param children the child nodes in server order (InitPlans, outer, inner, members, SubPlans)
 */
public record PlanNode(Map<String, JsonNode> properties, List<PlanNode> children) {

  public PlanNode {
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    children = List.copyOf(children);
  }

  /** A sort's method and memory or disk use (ANALYZE only). */
  public record SortSpace(String method, String spaceType, long spaceKb) {
    /** Whether the sort ran on disk. */
    public boolean onDisk() {
      return "Disk".equalsIgnoreCase(spaceType);
    }
  }

  /** A Hash node's table (ANALYZE only). */
  public record HashTable(
      long buckets, long originalBuckets, long batches, long originalBatches, long peakMemoryKb) {}

  /** The JSON node type, e.g. {@code Seq Scan}, {@code ModifyTable}, {@code Aggregate}. */
  public String nodeType() {
    return text(properties, "Node Type");
  }

  /** Insert/Update/Delete/Merge for ModifyTable (Select... for foreign scans), else null. */
  public String operation() {
    return text(properties, "Operation");
  }

  /** Plain/Sorted/Hashed/Mixed for aggregates, Sorted/Hashed for SetOp. */
  public String strategy() {
    return text(properties, "Strategy");
  }

  public String relationName() {
    return text(properties, "Relation Name");
  }

  /** The relation's schema; EXPLAIN reports it only with VERBOSE. */
  public String schema() {
    return text(properties, "Schema");
  }

  public String alias() {
    return text(properties, "Alias");
  }

  public String indexName() {
    return text(properties, "Index Name");
  }

  /** Inner/Left/Full/Right/Semi/Anti/Right Anti for joins. */
  public String joinType() {
    return text(properties, "Join Type");
  }

  /** Outer/Inner/InitPlan/SubPlan/Member/Subquery; null for the root. */
  public String parentRelationship() {
    return text(properties, "Parent Relationship");
  }

  /** {@code InitPlan 1}, {@code SubPlan 2} or {@code CTE name} for sub-plan roots. */
  public String subplanName() {
    return text(properties, "Subplan Name");
  }

  public boolean parallelAware() {
    return PlanProperties.bool(properties, "Parallel Aware");
  }

  public Double totalCost() {
    return number(properties, "Total Cost");
  }

  /** The planner's estimate of rows per loop. */
  public Double planRows() {
    return number(properties, "Plan Rows");
  }

  /** Whether the node carries ANALYZE figures. */
  public boolean analyzed() {
    return properties.containsKey("Actual Loops");
  }

  /** Analyzed, but the executor never ran the node (loops = 0). */
  public boolean neverExecuted() {
    Double loops = actualLoops();
    return loops != null && loops == 0.0;
  }

  /** Time to the last row, per loop, in ms. */
  public Double actualTotalMs() {
    return number(properties, "Actual Total Time");
  }

  /** Rows returned per loop (rounded, as the server prints it). */
  public Double actualRows() {
    return number(properties, "Actual Rows");
  }

  public Double actualLoops() {
    return number(properties, "Actual Loops");
  }

  /** A condition or other text property by its EXPLAIN label, e.g. {@code Index Cond}. */
  public String condition(String label) {
    return text(properties, label);
  }

  public String indexCond() {
    return condition("Index Cond");
  }

  public String recheckCond() {
    return condition("Recheck Cond");
  }

  public String filter() {
    return condition("Filter");
  }

  public String joinFilter() {
    return condition("Join Filter");
  }

  public List<String> sortKey() {
    return list(properties, "Sort Key");
  }

  public List<String> groupKey() {
    return list(properties, "Group Key");
  }

  /** The output columns; EXPLAIN reports them only with VERBOSE. */
  public List<String> output() {
    return list(properties, "Output");
  }

  /** Rows removed by the Filter, per loop. */
  public Double rowsRemovedByFilter() {
    return number(properties, "Rows Removed by Filter");
  }

  public Double rowsRemovedByIndexRecheck() {
    return number(properties, "Rows Removed by Index Recheck");
  }

  /** The sort's method and space, or null when not reported. */
  public SortSpace sortSpace() {
    String method = text(properties, "Sort Method");
    if (method == null) {
      return null;
    }
    Long kb = integer(properties, "Sort Space Used");
    return new SortSpace(method, text(properties, "Sort Space Type"), kb == null ? 0 : kb);
  }

  /** The hash table of a Hash node, or null when not reported. */
  public HashTable hashTable() {
    Long buckets = integer(properties, "Hash Buckets");
    if (buckets == null) {
      return null;
    }
    return new HashTable(
        buckets,
        PlanProperties.integerOrZero(properties, "Original Hash Buckets"),
        PlanProperties.integerOrZero(properties, "Hash Batches"),
        PlanProperties.integerOrZero(properties, "Original Hash Batches"),
        PlanProperties.integerOrZero(properties, "Peak Memory Usage"));
  }

  /** Buffer counters (inclusive of children), or null without BUFFERS. */
  public Buffers buffers() {
    return Buffers.from(properties);
  }

  /** WAL counters (inclusive of children), or null without WAL. */
  public WalUsage wal() {
    return WalUsage.from(properties);
  }

  public Long workersLaunched() {
    return integer(properties, "Workers Launched");
  }

  /** Total time over all loops, children included, in ms; 0 when not analyzed. */
  public double inclusiveTimeMs() {
    Double total = actualTotalMs();
    Double loops = actualLoops();
    return total == null || loops == null ? 0.0 : total * loops;
  }

  /** Rows returned over all loops; 0 when not analyzed. */
  public double totalActualRows() {
    Double rows = actualRows();
    Double loops = actualLoops();
    return rows == null || loops == null ? 0.0 : rows * loops;
  }

  /** Shared blocks hit plus read, children included; 0 without BUFFERS. */
  public long sharedBuffers() {
    Buffers b = buffers();
    return b == null ? 0 : b.sharedTotal();
  }

  /** This node and all its descendants, depth first, in server order. */
  public Stream<PlanNode> walk() {
    List<PlanNode> out = new ArrayList<>();
    collect(this, out);
    return out.stream();
  }

  private static void collect(PlanNode node, List<PlanNode> out) {
    out.add(node);
    for (PlanNode child : node.children) {
      collect(child, out);
    }
  }
}
