package dev.indexlab.gate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link ShapeNode}s from a plan as {@code EXPLAIN} prints it in text format, for captures
 * that kept only the text (such as {@code RunResults.StatementCapture#planText}). Node types are
 * named as the JSON format names them, so shapes read from text and from JSON compare alike: {@code
 * Delete on t} is a {@code ModifyTable}, {@code HashAggregate} an {@code Aggregate}, {@code Hash
 * Left Join} a {@code Hash Join}, {@code Parallel Seq Scan} a {@code Seq Scan}, {@code Index Scan
 * Backward} an {@code Index Scan}.
 *
 * <p>Nesting comes from the column of each node's {@code ->} arrow. A node's detail lines mark it
 * as spilled when they say so: {@code Sort Method: ... Disk:}, {@code Batches: N} with N above 1,
 * {@code Disk Usage: N kB} above 0, {@code Storage: Disk}. The plan ends at the first line that
 * starts in column 0 after the root ({@code Planning Time:}, {@code Trigger ...}, {@code
 * Settings:}).
 */
public final class PlanTextShapes {
  private static final Pattern ACTUAL =
      Pattern.compile("\\(actual(?: time=[0-9.]+\\.\\.[0-9.]+)? rows=([0-9.]+) loops=([0-9]+)\\)");
  private static final Pattern BATCHES = Pattern.compile("\\bBatches: (\\d+)");
  private static final Pattern DISK_USAGE = Pattern.compile("\\bDisk Usage: (\\d+)kB");

  private PlanTextShapes() {}

  /** The nodes of {@code planText}, depth first in the order printed. */
  public static List<ShapeNode> nodes(String planText) {
    List<ShapeNode> out = new ArrayList<>();
    Deque<Integer> columns = new ArrayDeque<>();
    Deque<String> heaps = new ArrayDeque<>();
    List<String> lines = planText.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int column = indent(line);
      String text = line.strip();
      boolean nodeLine = i == 0 || text.startsWith("->");
      if (!nodeLine && column == 0) {
        break;
      }
      if (!nodeLine) {
        // a detail line sits right of its node's arrow; an "InitPlan 1" label at a sibling's
        // column closes the nodes opened there
        while (!columns.isEmpty() && columns.peek() >= column) {
          columns.pop();
          heaps.pop();
        }
        if (!out.isEmpty()) {
          String spill = spill(text);
          ShapeNode last = out.get(out.size() - 1);
          if (spill != null && last.spill() == null) {
            out.set(out.size() - 1, withSpill(last, spill));
          }
        }
        continue;
      }
      int arrow = i == 0 ? -1 : column;
      while (!columns.isEmpty() && columns.peek() >= arrow) {
        columns.pop();
        heaps.pop();
      }
      int depth = columns.size();
      String header = i == 0 ? text : text.substring(2).strip();
      String parentHeap = heaps.isEmpty() ? "" : heaps.peek();
      ShapeNode node = parse(header, depth, parentHeap);
      out.add(node);
      columns.push(arrow);
      boolean heapScan = "Bitmap Heap Scan".equals(node.nodeType()) && node.relation() != null;
      heaps.push(heapScan ? node.relation() : parentHeap);
    }
    return out;
  }

  private static int indent(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  /**
   * One node from its header line; {@code heap} is the enclosing Bitmap Heap Scan's table, or
   * empty.
   */
  static ShapeNode parse(String header, int depth, String heap) {
    int paren = header.indexOf("  (");
    String name = paren < 0 ? header : header.substring(0, paren);
    String type = name;
    String index = null;
    String target = null;
    int using = name.indexOf(" using ");
    int on = name.indexOf(" on ");
    if (using >= 0) {
      type = name.substring(0, using);
      String rest = name.substring(using + 7);
      int restOn = rest.indexOf(" on ");
      index = unquote(restOn < 0 ? rest : rest.substring(0, restOn));
      target = restOn < 0 ? null : rest.substring(restOn + 4);
    } else if (on >= 0) {
      type = name.substring(0, on);
      target = name.substring(on + 4);
    }
    String nodeType = jsonType(type);
    String relation = target == null ? null : unquote(target.split(" ", 2)[0]);
    if (nodeType.equals("Bitmap Index Scan")) {
      index = relation;
      relation = heap.isEmpty() ? null : heap;
    } else if (!hasRelation(nodeType)) {
      relation = null;
    }
    double rows = 0;
    Matcher m = ACTUAL.matcher(header);
    if (m.find()) {
      rows = Double.parseDouble(m.group(1)) * Double.parseDouble(m.group(2));
    }
    return new ShapeNode(depth, nodeType, relation, index, rows, null, header);
  }

  /** The JSON format's name for a text node type (see the class comment). */
  static String jsonType(String text) {
    String t = text.strip();
    if (t.equals("Insert") || t.equals("Update") || t.equals("Delete") || t.equals("Merge")) {
      return "ModifyTable";
    }
    for (String prefix : new String[] {"Parallel ", "Partial ", "Finalize "}) {
      if (t.startsWith(prefix)) {
        t = t.substring(prefix.length());
      }
    }
    t = t.replace(" Backward", "");
    if (t.endsWith("Aggregate")) {
      return "Aggregate";
    }
    if (t.startsWith("Nested Loop")) {
      return "Nested Loop";
    }
    if (t.startsWith("Hash ") && t.endsWith(" Join")) {
      return "Hash Join";
    }
    if (t.startsWith("Merge ") && t.endsWith(" Join")) {
      return "Merge Join";
    }
    if (t.equals("HashSetOp")) {
      return "SetOp";
    }
    if (t.startsWith("Custom Scan")) {
      return "Custom Scan";
    }
    return t;
  }

  /** Whether the JSON format names a table (Relation Name) for this node type. */
  private static boolean hasRelation(String nodeType) {
    String t = nodeType.toLowerCase(Locale.ROOT);
    return !(t.startsWith("cte ")
        || t.startsWith("function ")
        || t.startsWith("subquery ")
        || t.startsWith("values ")
        || t.startsWith("worktable ")
        || t.startsWith("table function ")
        || t.startsWith("named tuplestore "));
  }

  /** {@code public.song_history} → {@code song_history}; {@code "Users"} → {@code Users}. */
  static String unquote(String name) {
    String n = name.strip();
    if (n.endsWith("\"")) {
      int open = n.lastIndexOf('"', n.length() - 2);
      return n.substring(open + 1, n.length() - 1).replace("\"\"", "\"");
    }
    int dot = n.lastIndexOf('.');
    return dot < 0 ? n : n.substring(dot + 1);
  }

  /** What a detail line says went to disk, or null. */
  static String spill(String detail) {
    if (detail.startsWith("Sort Method:") && detail.contains("Disk:")) {
      return detail;
    }
    if (detail.startsWith("Storage: Disk")) {
      return detail;
    }
    Matcher disk = DISK_USAGE.matcher(detail);
    if (disk.find() && Long.parseLong(disk.group(1)) > 0) {
      return detail;
    }
    Matcher batches = BATCHES.matcher(detail);
    if (batches.find() && Long.parseLong(batches.group(1)) > 1) {
      return detail;
    }
    return null;
  }

  private static ShapeNode withSpill(ShapeNode n, String spill) {
    return new ShapeNode(
        n.depth(), n.nodeType(), n.relation(), n.index(), n.rows(), spill, n.line());
  }
}
