package dev.indexlab.advise;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An index a candidate creates or drops: {@code schema.table}, the index name (unquoted), the
 * access method ({@code btree}, {@code gin}, ...), its key columns in order, its {@code INCLUDE}
 * columns and a partial index's {@code predicate} (null when it has none). Once the candidate's
 * migration has run, {@link AppliedIndexes} reads all of these from the server; before that, only
 * what the advisor proposed or the CREATE INDEX text says is known (and no INCLUDE list or
 * predicate is read from the text).
 */
public record IndexSpec(
    String schema,
    String table,
    String name,
    String method,
    List<IndexKey> keys,
    List<String> include,
    String predicate) {
  public IndexSpec {
    keys = List.copyOf(keys);
    include = include == null ? List.of() : List.copyOf(include);
  }

  /** A full index without INCLUDE columns. */
  public IndexSpec(String schema, String table, String name, String method, List<IndexKey> keys) {
    this(schema, table, name, method, keys, List.of(), null);
  }

  /** {@code schema.table}. */
  public String tableKey() {
    return schema + "." + table;
  }

  /**
   * True when b-tree {@code other} is on the same table and starts with this b-tree index's
   * columns, in the same directions or all reversed (a b-tree scan runs either way), holds every
   * column this one includes, and is a full index or has this one's predicate: every lookup this
   * index serves, {@code other} serves too. An index serves itself.
   */
  public boolean servedBy(IndexSpec other) {
    if (!tableKey().equals(other.tableKey())
        || !btree(this)
        || !btree(other)
        || other.keys().size() < keys.size()
        || (other.predicate() != null && !other.predicate().equals(predicate))
        || !other.columns().containsAll(include)) {
      return false;
    }
    boolean same = true;
    boolean reversed = true;
    for (int k = 0; k < keys.size(); k++) {
      IndexKey a = keys.get(k);
      IndexKey b = other.keys().get(k);
      if (!a.column().equals(b.column()) || a.opclass() != null || b.opclass() != null) {
        return false;
      }
      same &= a.descending() == b.descending();
      reversed &= a.descending() != b.descending();
    }
    return same || reversed;
  }

  /** Every column the index holds: its key columns, then its INCLUDE columns. */
  private List<String> columns() {
    List<String> all = new java.util.ArrayList<>(keys.stream().map(IndexKey::column).toList());
    all.addAll(include);
    return all;
  }

  private static boolean btree(IndexSpec i) {
    return i.method() == null || i.method().equals("btree");
  }

  /**
   * A one-line description: {@code song_history (user_id, created_at DESC)}, the method if not
   * btree, then any INCLUDE list and predicate as CREATE INDEX writes them.
   */
  public String describe() {
    String cols = keys.stream().map(IndexKey::describe).collect(Collectors.joining(", "));
    String using = method == null || method.equals("btree") ? "" : " USING " + method;
    return table
        + using
        + " ("
        + cols
        + ")"
        + (include.isEmpty() ? "" : " INCLUDE (" + String.join(", ", include) + ")")
        + (predicate == null ? "" : " WHERE " + predicate);
  }
}
