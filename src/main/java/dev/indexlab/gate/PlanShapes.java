package dev.indexlab.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.indexlab.explain.Buffers;
import dev.indexlab.explain.Plan;
import dev.indexlab.explain.PlanNode;
import dev.indexlab.explain.PlanTextRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reduces a parsed plan to the {@link ShapeNode}s the gate compares. Each node keeps its line as
 * PostgreSQL prints it ({@link PlanTextRenderer}), so a rule that fires can show the plan lines
 * before and after.
 *
 * <p>A node spilled to disk when: a Sort ran with {@code Sort Space Type: Disk} (external sort or
 * merge); a Hash needed more than one batch; a HashAggregate reported disk usage or more than one
 * batch; a node reported {@code Storage: Disk} (Materialize, WindowAgg, CTE Scan on PostgreSQL 17);
 * or the node itself (its children excluded) wrote temp blocks.
 */
final class PlanShapes {
  private PlanShapes() {}

  /** The nodes of {@code plan}, depth first in EXPLAIN's order. */
  public static List<ShapeNode> nodes(Plan plan) {
    List<PlanNode> order = plan.root().walk().toList();
    List<String> headers = headerLines(plan);
    boolean aligned = headers.size() == order.size();
    List<ShapeNode> out = new ArrayList<>(order.size());
    collect(plan.root(), 0, null, out, aligned ? headers : null);
    return out;
  }

  /** The node lines of the text rendering: the first line and every line that starts "->". */
  static List<String> headerLines(Plan plan) {
    List<String> lines = PlanTextRenderer.lines(plan, PlanTextRenderer.Options.ANALYZE_BUFFERS);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      if (i == 0) {
        out.add(t);
      } else if (t.startsWith("->")) {
        out.add(t.substring(2).strip());
      }
    }
    return out;
  }

  private static void collect(
      PlanNode n, int depth, String heapRelation, List<ShapeNode> out, List<String> headers) {
    String relation = n.relationName();
    if (relation == null && n.nodeType() != null && n.nodeType().startsWith("Bitmap")) {
      relation = heapRelation;
    }
    String line = headers != null ? headers.get(out.size()) : synthesized(n);
    out.add(
        new ShapeNode(
            depth, n.nodeType(), relation, n.indexName(), n.totalActualRows(), spill(n), line));
    String childHeap = "Bitmap Heap Scan".equals(n.nodeType()) ? n.relationName() : heapRelation;
    for (PlanNode child : n.children()) {
      collect(child, depth + 1, childHeap, out, headers);
    }
  }

  /** A node line when the rendering cannot be matched to the nodes. */
  static String synthesized(PlanNode n) {
    StringBuilder b = new StringBuilder(String.valueOf(n.nodeType()));
    if (n.indexName() != null) {
      b.append(n.relationName() == null ? " on " : " using ").append(n.indexName());
    }
    if (n.relationName() != null) {
      b.append(" on ").append(n.relationName());
    }
    if (n.analyzed()) {
      b.append(
          String.format(
              Locale.ROOT, "  (actual rows=%.0f loops=%.0f)", n.actualRows(), n.actualLoops()));
    }
    return b.toString();
  }

  /** What {@code n} spilled to disk (see the class comment), or null. */
  static String spill(PlanNode n) {
    PlanNode.SortSpace sort = n.sortSpace();
    if (sort != null && sort.onDisk()) {
      return "Sort Method: " + sort.method() + "  Disk: " + sort.spaceKb() + "kB";
    }
    PlanNode.HashTable hash = n.hashTable();
    if (hash != null && hash.batches() > 1) {
      return "Batches: "
          + hash.batches()
          + (hash.originalBatches() != hash.batches()
              ? " (originally " + hash.originalBatches() + ")"
              : "");
    }
    long aggBatches = longOf(n, "HashAgg Batches");
    long diskKb = longOf(n, "Disk Usage");
    if (diskKb > 0 || aggBatches > 1) {
      return "Batches: " + aggBatches + "  Disk Usage: " + diskKb + "kB";
    }
    JsonNode storage = n.properties().get("Storage");
    if (storage != null && "Disk".equalsIgnoreCase(storage.asText())) {
      return "Storage: Disk  Maximum Storage: " + longOf(n, "Maximum Storage") + "kB";
    }
    long ownTemp = tempWritten(n);
    for (PlanNode child : n.children()) {
      ownTemp -= tempWritten(child);
    }
    if (ownTemp > 0) {
      return "temp written=" + ownTemp;
    }
    return null;
  }

  private static long tempWritten(PlanNode n) {
    Buffers b = n.buffers();
    return b == null ? 0 : b.tempWritten();
  }

  private static long longOf(PlanNode n, String key) {
    JsonNode v = n.properties().get(key);
    return v == null || !v.isNumber() ? 0 : v.asLong();
  }
}
