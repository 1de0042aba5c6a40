package dev.indexlab.advise;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table as the catalog describes it. {@code reltuples} is PostgreSQL's row estimate (-1 until the
 * table is analyzed), {@code liveRows} the statistics collector's count; {@link #rowEstimate()}
 * picks whichever is known. {@code quotedColumns} maps each column name to its {@code quote_ident}
 * form, so generated DDL quotes exactly what needs quoting.
 */
public record CatalogTable(
    String schema,
    String name,
    String qualifiedName,
    long reltuples,
    long liveRows,
    long totalBytes,
    List<String> columns,
    Map<String, String> quotedColumns) {
  public CatalogTable {
    columns = List.copyOf(columns);
    quotedColumns = Map.copyOf(quotedColumns);
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
