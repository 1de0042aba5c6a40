package dev.indexlab.seed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a load did: rows per table (as the server counted them at the end of each COPY), how long
 * each table's copy and key build took, how long each phase took, and the whole load's wall time
 * (from dropping the keys to ANALYZE done).
 *
 * @param rows rows per table, in the loader's table order
 * @param tableNanos per table: COPY plus its primary key and unique constraints
 * @param phaseNanos connection time per kind of work ("copy and keys", "foreign keys", "analyze",
 *     "sequences"), summed over the connections that ran in parallel
 * @param totalNanos the whole load
 */
public record LoadReport(
    Map<String, Long> rows,
    Map<String, Long> tableNanos,
    Map<String, Long> phaseNanos,
    long totalNanos) {

  public LoadReport {
    rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    tableNanos = Collections.unmodifiableMap(new LinkedHashMap<>(tableNanos));
    phaseNanos = Collections.unmodifiableMap(new LinkedHashMap<>(phaseNanos));
  }

  /** All rows loaded. */
  public long totalRows() {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The load's wall time in milliseconds. */
  public long totalMillis() {
    return totalNanos / 1_000_000;
  }
}
