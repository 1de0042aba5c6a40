package dev.indexlab.gate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every plan whose shape differs between two measurements of the same routes, whether or not a gate
 * rule calls it a regression: what an upgrade comparison shows a DBA ("the join became a Merge Join
 * on 18"). A shape is the node tree of a statement's first explained draw, each node as its type,
 * table and index, so that estimates, row counts, times and lines a new version adds (PostgreSQL
 * 18's "Index Searches") do not count as changes; nor does the order in which the foreign-key
 * cascades ran.
 */
final class PlanShapeChanges {
  private PlanShapeChanges() {}

  /**
   * One statement whose shape changed.
   *
   * @param route the route id
   * @param statement the statement, as {@link StatementSnapshot#describe()} names it
   * @param before the shape before, one node per entry, indented by depth
   * @param after the shape after
   */
  public record Change(String route, String statement, List<String> before, List<String> after) {
    /** One line: {@code route, statement 1 "x": Sort, Seq Scan on songs → Index Scan ...}. */
    public String summary() {
      return "`"
          + route
          + "`, "
          + statement
          + ": plan shape changed: "
          + flat(before)
          + " → "
          + flat(after);
    }

    private static String flat(List<String> shape) {
      return String.join(", ", shape.stream().map(String::strip).toList());
    }
  }

  /** The statements of routes measured on both sides whose shapes differ, in route order. */
  public static List<Change> between(Baseline before, Baseline after) {
    List<Change> out = new ArrayList<>();
    for (RouteSnapshot a : before.routes()) {
      Optional<RouteSnapshot> b =
          after.routes().stream().filter(r -> r.id().equals(a.id())).findFirst();
      if (b.isEmpty()) {
        continue;
      }
      for (StatementSnapshot s : a.statements()) {
        Optional<StatementSnapshot> t = b.get().statement(s.index(), s.label());
        if (t.isEmpty()) {
          continue;
        }
        List<String> x = shape(s);
        List<String> y = shape(t.get());
        if (!x.isEmpty() && !y.isEmpty() && !x.equals(y)) {
          out.add(new Change(a.id(), s.describe(), x, y));
        }
      }
    }
    return out;
  }

  /** The shape of the statement's first explained draw, cascades included; empty if none. */
  static List<String> shape(StatementSnapshot s) {
    List<String> out = new ArrayList<>();
    List<StatementDraw> draws = s.explained();
    if (draws.isEmpty()) {
      return out;
    }
    // the server fires a statement's foreign-key triggers in an order that changed between
    // versions (17 and 18 differ); the cascades' order is no part of the shape
    List<PlanSection> sections = new ArrayList<>(draws.get(0).sections());
    sections.sort(
        Comparator.comparing((PlanSection p) -> !p.ownPlan()).thenComparing(PlanSection::title));
    for (PlanSection section : sections) {
      if (!section.ownPlan()) {
        out.add("(" + section.title().split(":", 2)[0] + ")");
      }
      for (ShapeNode n : section.nodes()) {
        out.add("  ".repeat(n.depth()) + node(n));
      }
    }
    return out;
  }

  private static String node(ShapeNode n) {
    StringBuilder b = new StringBuilder(n.nodeType() == null ? "?" : n.nodeType());
    if (n.index() != null) {
      b.append(" using ").append(n.index());
    }
    if (n.relation() != null && !"Bitmap Index Scan".equals(n.nodeType())) {
      b.append(" on ").append(n.relation());
    }
    return b.toString();
  }
}
