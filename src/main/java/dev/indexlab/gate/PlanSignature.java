package dev.indexlab.gate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What "the same plan" means to the gate: the set of plan nodes of a statement over every explained
 * draw and cascade, each reduced to its type, the table it reads and the index it uses ({@code
 * Index Scan using orders_pkey on orders}). Row counts, costs and timings are left out: they move
 * with the data and the machine, the shape does not. Two statements with equal signatures read the
 * same tables through the same indexes with the same operators.
 */
final class PlanSignature {
  private PlanSignature() {}

  /** The signature of one statement. */
  static Set<String> of(StatementSnapshot statement) {
    Set<String> out = new LinkedHashSet<>();
    for (ShapeNode n : statement.nodes()) {
      out.add(node(n));
    }
    return out;
  }

  private static String node(ShapeNode n) {
    StringBuilder b = new StringBuilder(String.valueOf(n.nodeType()));
    if (n.index() != null) {
      b.append(" using ").append(n.index());
    }
    if (n.relation() != null) {
      b.append(" on ").append(n.relation());
    }
    return b.toString();
  }

  /**
   * The nodes one side has and the other lacks, e.g. {@code - Index Scan using a on t; + Seq Scan
   * on t}; empty when the signatures are equal.
   */
  static String difference(Set<String> before, Set<String> after) {
    List<String> parts = new ArrayList<>();
    before.stream().filter(n -> !after.contains(n)).forEach(n -> parts.add("− " + n));
    after.stream().filter(n -> !before.contains(n)).forEach(n -> parts.add("+ " + n));
    return String.join("; ", parts);
  }
}
