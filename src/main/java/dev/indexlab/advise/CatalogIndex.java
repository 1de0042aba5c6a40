package dev.indexlab.advise;

import java.util.List;
import java.util.Optional;

/**
 * An existing index. {@code qualifiedName} is {@code schema.name} quoted as SQL needs it. {@code
 * columns} lists the key columns first, in order, then any {@code INCLUDE} columns. {@code
 * predicate} is the partial index's {@code WHERE} text (null when none). {@code valid} is false for
 * an index a failed {@code CREATE INDEX CONCURRENTLY} left behind. {@code idxScan} is the scan
 * count from {@code pg_stat_user_indexes} since the last statistics reset. {@code constraintName}
 * names the primary key, unique or exclusion constraint the index backs (null when none): such an
 * index can only go with its constraint.
 *
 * <p>An index on a partitioned table ({@code partitioned}) is one index in the catalog and one per
 * partition on disk: {@code leafPartitions} counts those, and {@code sizeBytes} and {@code idxScan}
 * are their sums. A partition's index that is attached to such an index names it in {@code
 * parentIndex} ({@code schema.name}): it is part of the parent's index and cannot be dropped alone.
 * A partition's own index (null {@code parentIndex}) is an index like any other.
 */
record CatalogIndex(
    String schema,
    String table,
    String name,
    String qualifiedName,
    String method,
    boolean unique,
    boolean primary,
    boolean valid,
    List<IndexColumn> columns,
    String predicate,
    long sizeBytes,
    long idxScan,
    String definition,
    String constraintName,
    boolean partitioned,
    int leafPartitions,
    String parentIndex) {
  public CatalogIndex {
    columns = List.copyOf(columns);
  }

  /** True when this index is a partition's part of an index on the partitioned parent. */
  public boolean attachedToParent() {
    return parentIndex != null;
  }

  /** {@code schema.table} of the indexed table. */
  public String tableKey() {
    return schema + "." + table;
  }

  /** {@code schema.name} of the index. */
  public String key() {
    return schema + "." + name;
  }

  /** The key columns, in order (no INCLUDE columns). */
  public List<IndexColumn> keyColumns() {
    return columns.stream().filter(IndexColumn::key).toList();
  }

  /** True when the index has INCLUDE columns. */
  public boolean hasIncludedColumns() {
    return columns.stream().anyMatch(c -> !c.key());
  }

  /** The constraint the index backs, if any. */
  public Optional<String> constraint() {
    return Optional.ofNullable(constraintName);
  }

  /** True when the index enforces something: a constraint or uniqueness. */
  public boolean enforcesConstraint() {
    return unique || primary || constraintName != null;
  }
}
