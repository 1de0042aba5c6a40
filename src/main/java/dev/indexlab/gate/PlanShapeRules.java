package dev.indexlab.gate;

import dev.indexlab.text.ReportFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Compares one statement's plans before and after, over all parameter draws and cascades. Three
 * changes fail, each with the plan lines before and after:
 *
 * <ol>
 *   <li>a sequential scan of a table that was not scanned sequentially before, when the table is
 *       large ({@link GateThresholds#largeTableRows()}): typically {@code Index Scan → Seq Scan on
 *       song_history} after an index was dropped;
 *   <li>an index the statement used that it no longer uses;
 *   <li>a node that spills to disk where the same kind of node did not before (a Sort that became
 *       an external merge, a Hash with several batches).
 * </ol>
 *
 * The opposite changes are reported as improvements. Sets are unions over the draws, so a plan that
 * depends on the parameter value does not flip a verdict between runs with the same seed.
 */
final class PlanShapeRules {
  private final GateThresholds thresholds;

  public PlanShapeRules(GateThresholds thresholds) {
    this.thresholds = thresholds;
  }

  /** A node, the parameter draw it was explained with and the plan (statement or cascade). */
  record Located(int draw, String section, ShapeNode node) {}

  /** The regressions of {@code after} against {@code before}; {@code rows} sizes the tables. */
  public List<GateFinding> regressions(
      StatementSnapshot before, StatementSnapshot after, Map<String, Long> rows) {
    List<Located> was = located(before);
    List<Located> now = located(after);
    List<GateFinding> out = new ArrayList<>();
    Set<String> explained = new LinkedHashSet<>();
    Set<String> seqBefore = relations(was, n -> n.seqScan());
    Set<String> indexesAfter = after.indexesUsed();
    for (String rel : relations(now, n -> n.seqScan())) {
      long size = rows.getOrDefault(rel, -1L);
      if (seqBefore.contains(rel) || size < 0 || size < thresholds.largeTableRows()) {
        continue;
      }
      List<Located> access = select(was, n -> rel.equals(n.relation()) && access(n));
      Set<String> lost = new LinkedHashSet<>();
      access.stream()
          .map(l -> l.node().index())
          .filter(i -> i != null && !indexesAfter.contains(i))
          .forEach(lost::add);
      explained.addAll(lost);
      String kinds = nodeTypes(access);
      String summary = (kinds.isEmpty() ? "new Seq Scan" : kinds + " → Seq Scan") + " on " + rel;
      String message =
          summary
              + " ("
              + ReportFormat.grouped(size)
              + " rows)"
              + (lost.isEmpty() ? "" : "; index " + String.join(", ", lost) + " no longer used");
      List<String> beforeLines =
          access.isEmpty() ? List.of("(no scan of " + rel + ")") : lines(access, null);
      out.add(
          new GateFinding(
              GateFinding.Kind.PLAN,
              after.describe(),
              summary,
              message,
              beforeLines,
              lines(select(now, n -> n.seqScan() && rel.equals(n.relation())), null)));
    }
    for (String index : before.indexesUsed()) {
      if (indexesAfter.contains(index) || explained.contains(index)) {
        continue;
      }
      List<Located> using = select(was, n -> index.equals(n.index()));
      String rel = using.get(0).node().relation();
      List<Located> instead = select(now, n -> rel != null && rel.equals(n.relation()) && scan(n));
      out.add(
          new GateFinding(
              GateFinding.Kind.PLAN,
              after.describe(),
              "index " + index + " no longer used",
              "index "
                  + index
                  + " no longer used"
                  + (rel == null ? "" : " (" + rel + " now: " + orNone(nodeTypes(instead)) + ")"),
              lines(using, null),
              instead.isEmpty() ? List.of("(no scan of " + rel + ")") : lines(instead, null)));
    }
    Set<String> spilledBefore = spillKeys(was);
    Map<String, List<Located>> spilledNow = new LinkedHashMap<>();
    for (Located l : now) {
      if (l.node().spill() != null && !spilledBefore.contains(key(l))) {
        spilledNow.computeIfAbsent(key(l), k -> new ArrayList<>()).add(l);
      }
    }
    for (List<Located> spills : spilledNow.values()) {
      Located first = spills.get(0);
      String type = first.node().nodeType();
      List<Located> same =
          select(was, n -> type.equals(n.nodeType())).stream()
              .filter(l -> l.section().equals(first.section()))
              .toList();
      out.add(
          new GateFinding(
              GateFinding.Kind.PLAN,
              after.describe(),
              "new " + type + " spilling to disk",
              "new " + type + " spilling to disk (" + first.node().spill() + ")",
              same.isEmpty() ? List.of("(no " + type + ")") : lines(same, null),
              lines(List.of(first), first.node().spill())));
    }
    return out;
  }

  /** The improvements of {@code after} against {@code before}, one line each. */
  public List<String> improvements(
      StatementSnapshot before, StatementSnapshot after, Map<String, Long> rows) {
    List<Located> was = located(before);
    List<Located> now = located(after);
    List<String> out = new ArrayList<>();
    Set<String> seqNow = relations(now, n -> n.seqScan());
    for (String rel : relations(was, n -> n.seqScan())) {
      if (!seqNow.contains(rel) && rows.getOrDefault(rel, -1L) >= thresholds.largeTableRows()) {
        String kinds = nodeTypes(select(now, n -> rel.equals(n.relation()) && access(n)));
        out.add("Seq Scan → " + orNone(kinds) + " on " + rel);
      }
    }
    Set<String> spillNow = spillKeys(now);
    for (String k : spillKeys(was)) {
      if (!spillNow.contains(k)) {
        out.add(k.substring(k.indexOf('\u0000') + 1) + " no longer spills to disk");
      }
    }
    return out;
  }

  static List<Located> located(StatementSnapshot s) {
    List<Located> out = new ArrayList<>();
    List<StatementDraw> draws = s.explained();
    for (int i = 0; i < draws.size(); i++) {
      int draw = i;
      for (PlanSection section : draws.get(i).sections()) {
        section.nodes().forEach(n -> out.add(new Located(draw, section.title(), n)));
      }
    }
    return out;
  }

  private static boolean access(ShapeNode n) {
    return n.indexAccess() || n.nodeType() != null && n.nodeType().endsWith("Scan") && !n.seqScan();
  }

  private static boolean scan(ShapeNode n) {
    return n.seqScan() || access(n);
  }

  private static Set<String> relations(List<Located> nodes, Predicate<ShapeNode> p) {
    Set<String> out = new LinkedHashSet<>();
    for (Located l : nodes) {
      if (p.test(l.node()) && l.node().relation() != null) {
        out.add(l.node().relation());
      }
    }
    return out;
  }

  private static List<Located> select(List<Located> nodes, Predicate<ShapeNode> p) {
    return nodes.stream().filter(l -> p.test(l.node())).toList();
  }

  private static String key(Located l) {
    return l.section() + '\u0000' + l.node().nodeType();
  }

  private static Set<String> spillKeys(List<Located> nodes) {
    Set<String> out = new LinkedHashSet<>();
    nodes.stream().filter(l -> l.node().spill() != null).forEach(l -> out.add(key(l)));
    return out;
  }

  /** Distinct node types, Bitmap Index Scan folded into its Bitmap Heap Scan, joined by "/". */
  private static String nodeTypes(List<Located> nodes) {
    Set<String> types = new LinkedHashSet<>();
    nodes.stream()
        .map(l -> l.node().nodeType())
        .filter(t -> !t.equals("Bitmap Index Scan"))
        .forEach(types::add);
    if (types.isEmpty() && !nodes.isEmpty()) {
      types.add("Bitmap Heap Scan");
    }
    return String.join("/", types);
  }

  private static String orNone(String kinds) {
    return kinds.isEmpty() ? "no scan" : kinds;
  }

  /**
   * The plan lines of {@code nodes} as the first draw that has any of them shows them, grouped
   * under their cascade's title; {@code extra} is appended as a detail line of the last node.
   */
  static List<String> lines(List<Located> all, String extra) {
    int first = all.stream().mapToInt(Located::draw).min().orElse(0);
    List<Located> nodes = all.stream().filter(l -> l.draw() == first).toList();
    List<String> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String section = null;
    int top = 0;
    for (Located l : nodes) {
      ShapeNode n = l.node();
      String identity =
          l.section() + '\u0000' + n.nodeType() + n.relation() + n.index() + n.depth();
      if (!seen.add(identity)) {
        continue;
      }
      boolean cascade = !PlanSection.STATEMENT.equals(l.section());
      if (!l.section().equals(section)) {
        if (cascade) {
          out.add(l.section());
        }
        top = n.depth();
      }
      section = l.section();
      int nesting = Math.max(0, n.depth() - top);
      out.add(
          (cascade ? "  " : "") + "    ".repeat(nesting) + (nesting > 0 ? "->  " : "") + n.line());
    }
    if (extra != null) {
      out.add("  " + extra);
    }
    return out;
  }
}
