package dev.indexlab.explain;

/**
 * One trigger's share of an analyzed statement: the server lists every trigger that fired at least
 * once, including those fired by cascaded statements on other tables.
 *
 * @param triggerName the trigger's own name (for a foreign key, {@code RI_ConstraintTrigger_a_NNN}
 *     on the referenced table or {@code RI_ConstraintTrigger_c_NNN} on the referencing one)
 * @param constraintName the constraint the trigger enforces, or {@code null} for a plain trigger
 * @param relation the table the trigger is defined on (unqualified, as EXPLAIN prints it)
 * @param timeMs the total time spent in the trigger, or {@code null} with {@code TIMING OFF}
 * @param calls how many times it fired
 */
record TriggerTime(
    String triggerName, String constraintName, String relation, Double timeMs, double calls) {

  /** The name EXPLAIN's text shows: the constraint's if any, else the trigger's. */
  public String name() {
    return constraintName != null ? constraintName : triggerName;
  }

  /** Whether this trigger enforces a constraint (a foreign key, or a deferrable unique key). */
  public boolean isConstraintTrigger() {
    return constraintName != null;
  }

  /** Whether the trigger is a foreign key's referential-integrity trigger. */
  public boolean isForeignKeyTrigger() {
    return constraintName != null
        && triggerName != null
        && triggerName.startsWith("RI_ConstraintTrigger_");
  }

  /** The trigger time, 0 when the plan has none. */
  public double timeOrZero() {
    return timeMs == null ? 0.0 : timeMs;
  }
}
