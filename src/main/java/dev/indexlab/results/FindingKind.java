package dev.indexlab.results;

/** What a {@link Finding} flags; each kind's Javadoc gives the rule that raises it. */
public enum FindingKind {
  /** A Seq Scan whose Filter removes at least 90% of the rows it reads, reading 1,000 or more. */
  SEQ_SCAN_REMOVES_MOST_ROWS,
  /** A foreign-key trigger taking at least half of the statement's execution time. */
  TRIGGER_DOMINATES,
  /** Actual rows beyond 10x the estimate either way, on enough rows to matter. */
  ESTIMATE_ERROR,
  /** A sort, hash or materialization that wrote temp files (disk). */
  SPILL_TO_DISK,
  /** A window function, aggregate or CTE processing 10,000+ rows for a statement of 10 or fewer. */
  WHOLE_TABLE_FOR_FEW_ROWS,
  /** A Seq Scan repeated 10 or more times inside a nested loop or a correlated sub-plan. */
  NESTED_LOOP_SEQ_SCAN,
  /** A Limit over a Sort over a filtered scan: filter and sort columns make a composite index. */
  FILTER_ORDER_LIMIT,
  /** A LIKE with a leading wildcard, or an ILIKE, which no b-tree index can serve. */
  LEADING_WILDCARD_LIKE
}
