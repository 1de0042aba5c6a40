package dev.indexlab.advise;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether an existing index already serves a lookup. Only valid, non-partial indexes count:
 * a partial index serves only queries that imply its predicate, and an invalid one (a failed
 * concurrent build) serves nothing.
 */
final class IndexCoverage {
  private IndexCoverage() {}

  /** Valid and not partial. */
  static boolean usable(CatalogIndex index) {
    return index.valid() && index.predicate() == null;
  }

  /**
   * True when the index's first {@code k} key columns are exactly the {@code k} given columns, in
   * any order (a btree then finds all rows with given values of those columns), or when it is a
   * hash index on the single given column.
   */
  static boolean leadsWith(CatalogIndex index, Collection<String> columns) {
    Set<String> wanted = new HashSet<>(columns);
    if (!usable(index) || wanted.isEmpty()) {
      return false;
    }
    List<IndexColumn> keys = index.keyColumns();
    if (index.method().equals("hash")) {
      return wanted.size() == 1 && keys.size() == 1 && plain(keys.get(0), wanted);
    }
    if (!index.method().equals("btree") || keys.size() < wanted.size()) {
      return false;
    }
    Set<String> leading = new HashSet<>();
    for (int i = 0; i < wanted.size(); i++) {
      IndexColumn k = keys.get(i);
      if (k.expression()) {
        return false;
      }
      leading.add(k.name());
    }
    return leading.equals(wanted);
  }

  /**
   * True when a btree index leads with the {@code equality} columns (any order) and continues with
   * {@code then} in order, with every direction as given or every direction inverted (a backward
   * scan), and the given operator classes where a key names one.
   */
  static boolean servesOrdered(
      CatalogIndex index, Collection<String> equality, List<IndexKey> then) {
    if (!usable(index) || !index.method().equals("btree")) {
      return false;
    }
    Set<String> eq = new HashSet<>(equality);
    List<IndexColumn> keys = index.keyColumns();
    if (keys.size() < eq.size() + then.size()) {
      return false;
    }
    if (!eq.isEmpty() && !leadsWith(index, eq)) {
      return false;
    }
    Boolean inverted = null;
    for (int i = 0; i < then.size(); i++) {
      IndexColumn k = keys.get(eq.size() + i);
      IndexKey want = then.get(i);
      if (k.expression() || !k.name().equals(want.column())) {
        return false;
      }
      if (want.opclass() != null && !want.opclass().equals(k.opclass())) {
        return false;
      }
      boolean flip = k.descending() != want.descending();
      if (inverted == null) {
        inverted = flip;
      } else if (inverted != flip) {
        return false;
      }
    }
    return true;
  }

  /** True when a GIN or GiST index has {@code column} as a key with a trigram operator class. */
  static boolean servesTrigram(CatalogIndex index, String column) {
    if (!usable(index)) {
      return false;
    }
    return index.keyColumns().stream()
        .anyMatch(
            k ->
                !k.expression()
                    && k.name().equals(column)
                    && (k.opclass().equals("gin_trgm_ops") || k.opclass().equals("gist_trgm_ops")));
  }

  /** The first index of {@code indexes} that leads with {@code columns}. */
  static Optional<CatalogIndex> findLeading(
      List<CatalogIndex> indexes, Collection<String> columns) {
    return indexes.stream().filter(i -> leadsWith(i, columns)).findFirst();
  }

  private static boolean plain(IndexColumn k, Set<String> wanted) {
    return !k.expression() && wanted.contains(k.name());
  }
}
