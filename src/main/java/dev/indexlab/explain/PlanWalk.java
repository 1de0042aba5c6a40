package dev.indexlab.explain;

import java.util.ArrayList;
import java.util.List;

/** Every node of a plan with its JSON path and its ancestors (nearest first). */
final class PlanWalk {
  private PlanWalk() {}

  /** One node in context. */
  record Visit(PlanNode node, String path, List<PlanNode> ancestors) {
    PlanNode parent() {
      return ancestors.isEmpty() ? null : ancestors.get(0);
    }
  }

  static List<Visit> visits(Plan plan) {
    List<Visit> out = new ArrayList<>();
    visit(plan.root(), "/0/Plan", List.of(), out);
    return out;
  }

  private static void visit(PlanNode node, String path, List<PlanNode> ancestors, List<Visit> out) {
    out.add(new Visit(node, path, ancestors));
    List<PlanNode> below = new ArrayList<>(ancestors.size() + 1);
    below.add(node);
    below.addAll(ancestors);
    List<PlanNode> children = node.children();
    for (int i = 0; i < children.size(); i++) {
      visit(children.get(i), path + "/Plans/" + i, List.copyOf(below), out);
    }
  }
}
