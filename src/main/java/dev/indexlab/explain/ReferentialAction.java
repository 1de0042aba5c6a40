package dev.indexlab.explain;

/**
 * What a foreign key's trigger does, known from the trigger's function ({@code RI_FKey_*}): an
 * action on the referencing table when a referenced row is deleted or its key updated, or a check
 * of the referenced table when a referencing row is inserted or updated.
 */
enum ReferentialAction {
  DELETE_CASCADE("RI_FKey_cascade_del", "ON DELETE CASCADE"),
  DELETE_SET_NULL("RI_FKey_setnull_del", "ON DELETE SET NULL"),
  DELETE_SET_DEFAULT("RI_FKey_setdefault_del", "ON DELETE SET DEFAULT"),
  DELETE_NO_ACTION("RI_FKey_noaction_del", "ON DELETE NO ACTION"),
  DELETE_RESTRICT("RI_FKey_restrict_del", "ON DELETE RESTRICT"),
  UPDATE_CASCADE("RI_FKey_cascade_upd", "ON UPDATE CASCADE"),
  UPDATE_SET_NULL("RI_FKey_setnull_upd", "ON UPDATE SET NULL"),
  UPDATE_SET_DEFAULT("RI_FKey_setdefault_upd", "ON UPDATE SET DEFAULT"),
  UPDATE_NO_ACTION("RI_FKey_noaction_upd", "ON UPDATE NO ACTION"),
  UPDATE_RESTRICT("RI_FKey_restrict_upd", "ON UPDATE RESTRICT"),
  INSERT_CHECK("RI_FKey_check_ins", "CHECK ON INSERT"),
  UPDATE_CHECK("RI_FKey_check_upd", "CHECK ON UPDATE");

  private final String function;
  private final String label;

  ReferentialAction(String function, String label) {
    this.function = function;
    this.label = label;
  }

  /** The action of a trigger function, or null for a function that is not a foreign key's. */
  public static ReferentialAction ofFunction(String functionName) {
    for (ReferentialAction a : values()) {
      if (a.function.equalsIgnoreCase(functionName)) {
        return a;
      }
    }
    return null;
  }

  /** As DDL writes it, e.g. {@code ON DELETE CASCADE}. */
  public String label() {
    return label;
  }

  /** True for the actions fired on the referenced table, false for the checks. */
  public boolean onReferencedTable() {
    return this != INSERT_CHECK && this != UPDATE_CHECK;
  }

  /** Whether the parent statement that fires it is an UPDATE of the key. */
  public boolean firedByUpdate() {
    return name().startsWith("UPDATE_");
  }
}
