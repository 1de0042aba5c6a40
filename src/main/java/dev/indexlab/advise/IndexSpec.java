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
   * A one-line description: {@code song_history (user_id, created_at DESC)}, method if not btree.
   */
  public String describe() {
    String cols = keys.stream().map(IndexKey::describe).collect(Collectors.joining(", "));
    String using = method == null || method.equals("btree") ? "" : " USING " + method;
    return table + using + " (" + cols + ")";
  }
}
