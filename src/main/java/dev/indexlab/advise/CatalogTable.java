package dev.indexlab.advise;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table as the catalog describes it. {@code reltuples} is PostgreSQL's row estimate (-1 until the
 * table is analyzed), {@code liveRows} the statistics collector's count; {@link #rowEstimate()}
 * picks whichever is known. {@code quotedColumns} maps each column name to its {@code quote_ident}
 * form, so generated DDL quotes exactly what needs quoting.
 *
 * <p>A partitioned table ({@code partitioned}) holds no rows itself: its row estimate and bytes are
 * the sums over its {@code leafPartitions}. {@code partitionOf} is the {@code schema.table} of a
 * partition's parent (null for any other table); {@code inheritsFrom} that of the first parent of a
 * table that inherits in the pre-10 style ({@code INHERITS}, no partitioning), which indexlab
 * reports but does not treat as one table with its parent: an index on an inheritance parent is not
 * built on its children, and a statement on a child does not read its parent.
 */
record CatalogTable(
    String schema,
    String name,
    String qualifiedName,
    long reltuples,
    long liveRows,
    long totalBytes,
    List<String> columns,
    Map<String, String> quotedColumns,
    boolean partitioned,
    int leafPartitions,
    String partitionOf,
    String inheritsFrom) {
  public CatalogTable {
    columns = List.copyOf(columns);
    quotedColumns = Map.copyOf(quotedColumns);
  }

  /** True when this table is a partition of a partitioned table. */
  public boolean isPartition() {
    return partitionOf != null;
  }

  /** The row estimate: reltuples once analyzed, else the live-row count. */
  public long rowEstimate() {
    return reltuples >= 0 ? reltuples : liveRows;
  }

  /** {@code schema.name} without quotes, the key used in messages and maps. */
  public String key() {
    return schema + "." + name;
  }

  /** True when the table has a column of exactly this name. */
  public boolean hasColumn(String column) {
    return quotedColumns.containsKey(column);
  }

  /** The column as SQL must write it (quoted when needed), if the table has it. */
  public Optional<String> quoted(String column) {
    return Optional.ofNullable(quotedColumns.get(column));
  }
}
