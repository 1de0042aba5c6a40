package dev.indexlab.advise;

import java.util.List;
import java.util.Locale;

/**
 * A foreign key: {@code columns} of {@code schema.table} reference {@code refColumns} of {@code
 * refSchema.refTable}, position by position, with the given ON DELETE and ON UPDATE actions.
 */
record ForeignKey(
    String name,
    String schema,
    String table,
    List<String> columns,
    String refSchema,
    String refTable,
    List<String> refColumns,
    Action onDelete,
    Action onUpdate) {
  public ForeignKey {
    columns = List.copyOf(columns);
    refColumns = List.copyOf(refColumns);
  }

  /** A referential action, as {@code pg_constraint.confdeltype} codes it. */
  public enum Action {
    NO_ACTION,
    RESTRICT,
    CASCADE,
    SET_NULL,
    SET_DEFAULT;

    /** Decodes {@code a}, {@code r}, {@code c}, {@code n} or {@code d}. */
    public static Action fromCode(String code) {
      return switch (code) {
        case "a" -> NO_ACTION;
        case "r" -> RESTRICT;
        case "c" -> CASCADE;
        case "n" -> SET_NULL;
        case "d" -> SET_DEFAULT;
        default -> throw new IllegalArgumentException("unknown referential action " + code);
      };
    }

    /** True when the action writes to the referencing table (cascade, set null, set default). */
    public boolean writes() {
      return this == CASCADE || this == SET_NULL || this == SET_DEFAULT;
    }

    /** The action as SQL writes it, e.g. {@code SET NULL}. */
    public String sql() {
      return name().replace('_', ' ');
    }

    @Override
    public String toString() {
      return sql().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code schema.table} of the referencing table. */
  public String tableKey() {
    return schema + "." + table;
  }

  /** {@code schema.refTable} of the referenced table. */
  public String refTableKey() {
    return refSchema + "." + refTable;
  }

  /** True when deleting or updating a referenced row writes to the referencing table. */
  public boolean writesOnParentChange() {
    return onDelete.writes() || onUpdate.writes();
  }

  /** A one-line description: {@code name (a, b) -> s.t (x, y) ON DELETE CASCADE}. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append(name)
        .append(" ")
        .append(table)
        .append(" (")
        .append(String.join(", ", columns))
        .append(") -> ")
        .append(refSchema.equals(schema) ? refTable : refTableKey())
        .append(" (")
        .append(String.join(", ", refColumns))
        .append(")");
    if (onDelete != Action.NO_ACTION) {
      b.append(" ON DELETE ").append(onDelete.sql());
    }
    if (onUpdate != Action.NO_ACTION) {
      b.append(" ON UPDATE ").append(onUpdate.sql());
    }
    return b.toString();
  }
}
