package dev.indexlab.advise;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An index a candidate creates or drops: {@code schema.table}, the index name (unquoted), the
 * access method ({@code btree}, {@code gin}, ...) and its key columns in order.
 */
public record IndexSpec(
    String schema, String table, String name, String method, List<IndexKey> keys) {
  public IndexSpec {
    keys = List.copyOf(keys);
  }

  /** {@code schema.table}. */
  public String tableKey() {
    return schema + "." + table;
  }

  /**
   * True when b-tree {@code other} is on the same table and starts with this b-tree index's
   * columns, in the same directions or all reversed (a b-tree scan runs either way): every lookup
   * this index serves, {@code other} serves too. An index serves itself.
   */
  public boolean servedBy(IndexSpec other) {
    if (!tableKey().equals(other.tableKey())
        || !btree(this)
        || !btree(other)
        || other.keys().size() < keys.size()) {
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

  private static boolean btree(IndexSpec i) {
    return i.method() == null || i.method().equals("btree");
  }

  /**
   * A one-line description: {@code song_history (user_id, created_at DESC)}, method if not btree.
   */
  public String describe() {
    String cols = keys.stream().map(IndexKey::describe).collect(Collectors.joining(", "));
    String using = method == null || method.equals("btree") ? "" : " USING " + method;
    return table + using + " (" + cols + ")";
  }
}
