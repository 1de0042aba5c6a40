package dev.indexlab.gate;

import java.util.List;

/**
 * One plan of a statement's execution: the statement's own plan, or the plan of a statement a
 * foreign-key trigger ran for it (a cascade), which PostgreSQL does not show inside the statement's
 * plan.
 *
 * @param title {@code statement} for the statement's own plan; for a cascade, the constraint and
 *     the statement it ran, e.g. {@code cascade song_history_user_id_fkey: DELETE FROM ...}
 * @param nodes the plan's nodes, depth first in EXPLAIN's order
 */
record PlanSection(String title, List<ShapeNode> nodes) {
  /** The title of a statement's own plan. */
  public static final String STATEMENT = "statement";

  public PlanSection {
    nodes = List.copyOf(nodes);
  }

  /** True for the statement's own plan. */
  public boolean ownPlan() {
    return STATEMENT.equals(title);
  }
}
