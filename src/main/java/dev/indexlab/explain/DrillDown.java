package dev.indexlab.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one foreign-key trigger of an explained statement does, made visible: the statement its
 * referential action runs for one affected parent row, and that statement's plan (analyzed with the
 * row's actual key, rolled back). When a step was impossible, {@link #plan()} is null and {@link
 * #note()} says why; a generic (estimates-only) plan comes with a note too.
 *
 * @param constraintName the foreign key
 * @param triggerRelation the table the trigger fired on
 * @param foreignKey the constraint as the catalog describes it, or null when it was not found
 * @param derivedSql the statement the trigger runs ({@code ?} placeholders)
 * @param keyValues the values bound for the plan, in placeholder order, or empty
 * @param affectedRows how many parent rows fire the trigger (its calls), as re-run; 0 if unknown
 * @param plan the derived statement's plan, or null
 * @param note why there is no plan, or a caveat about it; null when all went well
 * @param nested drill-downs of the derived statement's own foreign-key triggers
 */
public record DrillDown(
    String constraintName,
    String triggerRelation,
    ForeignKeyTrigger foreignKey,
    String derivedSql,
    List<Object> keyValues,
    int affectedRows,
    Plan plan,
    String note,
    List<DrillDown> nested) {

  public DrillDown {
    keyValues = Collections.unmodifiableList(new ArrayList<>(keyValues));
    nested = List.copyOf(nested);
  }

  /** The referential action (or check) the trigger ran, or null when the key was not found. */
  public ReferentialAction action() {
    return foreignKey == null ? null : foreignKey.action();
  }

  /** {@code schema.table} holding the foreign key columns, or null. */
  public String referencingTable() {
    return foreignKey == null ? null : foreignKey.referencing();
  }

  /** The foreign key columns in key order (empty when the key was not found). */
  public List<String> referencingColumns() {
    return foreignKey == null ? List.of() : foreignKey.referencingColumns();
  }

  /** {@code schema.table} the key references, or null. */
  public String referencedTable() {
    return foreignKey == null ? null : foreignKey.referenced();
  }

  /** The referenced key columns in key order (empty when the key was not found). */
  public List<String> referencedColumns() {
    return foreignKey == null ? List.of() : foreignKey.referencedColumns();
  }

  /** Whether an analyzed plan of the derived statement is attached. */
  public boolean analyzed() {
    return plan != null && plan.analyzed();
  }

  /** This drill-down and all nested ones, depth first. */
  public List<DrillDown> flatten() {
    List<DrillDown> out = new ArrayList<>();
    out.add(this);
    for (DrillDown d : nested) {
      out.addAll(d.flatten());
    }
    return out;
  }
}
