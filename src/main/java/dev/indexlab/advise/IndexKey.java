package dev.indexlab.advise;

/**
 * One key column of a proposed index: the column name as stored (unquoted), its sort direction, and
 * an operator class ({@code null} for the column type's default, e.g. {@code gin_trgm_ops}).
 */
public record IndexKey(String column, boolean descending, String opclass) {
  /** An ascending key with the default operator class. */
  public static IndexKey asc(String column) {
    return new IndexKey(column, false, null);
  }

  /** The key as a reader writes it: {@code created_at DESC}, {@code song_name gin_trgm_ops}. */
  public String describe() {
    StringBuilder b = new StringBuilder(column);
    if (opclass != null && !opclass.isEmpty()) {
      b.append(' ').append(opclass);
    }
    if (descending) {
      b.append(" DESC");
    }
    return b.toString();
  }
}
