package dev.indexlab.advise;

/** The advisor rule behind a candidate's reason. */
public enum Rule {
  /** A foreign key whose referencing columns lead no valid index (found from the catalog). */
  UNINDEXED_FOREIGN_KEY,
  /** A sequential scan that removed most rows with its filter (from a captured plan). */
  SEQ_SCAN_FILTER,
  /** A filter followed by ORDER BY ... LIMIT that sorts what an index could return in order. */
  FILTER_ORDER_LIMIT,
  /** LIKE / ILIKE with a leading wildcard, which no btree index can serve. */
  LEADING_WILDCARD_LIKE,
  /** An index whose key columns are a leading prefix of another index on the same table. */
  REDUNDANT_INDEX,
  /** An index the measured workload never scanned. */
  UNUSED_INDEX,
  /**
   * Not a rule that proposes: a table that inherits from another in the pre-10 style (INHERITS, not
   * partitioning), reported so its indexes are not read as those of unrelated tables.
   */
  TABLE_INHERITANCE,
  /** A candidate someone wrote by hand. */
  HAND_WRITTEN
}
