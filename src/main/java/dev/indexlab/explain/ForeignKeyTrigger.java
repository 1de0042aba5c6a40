package dev.indexlab.explain;

import java.util.List;

/**
 * A foreign key seen from one of its triggers: which action the trigger runs and the two tables
 * with their key columns (in key order) and types.
 */
record ForeignKeyTrigger(
    String constraintName,
    ReferentialAction action,
    String referencingSchema,
    String referencingTable,
    boolean referencingPartitioned,
    List<String> referencingColumns,
    List<String> referencingTypes,
    String referencedSchema,
    String referencedTable,
    boolean referencedPartitioned,
    List<String> referencedColumns,
    List<String> referencedTypes,
    List<String> setColumns) {

  public ForeignKeyTrigger {
    referencingColumns = List.copyOf(referencingColumns);
    referencingTypes = List.copyOf(referencingTypes);
    referencedColumns = List.copyOf(referencedColumns);
    referencedTypes = List.copyOf(referencedTypes);
    setColumns = List.copyOf(setColumns);
  }

  /** {@code schema.table} of the referencing side, unquoted. */
  public String referencing() {
    return referencingSchema + "." + referencingTable;
  }

  /** {@code schema.table} of the referenced side, unquoted. */
  public String referenced() {
    return referencedSchema + "." + referencedTable;
  }
}
