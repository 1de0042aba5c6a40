package dev.indexlab.advise;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The plan findings the advisor acts on; the names match the explain step's finding kinds. Any
 * other kind in a findings file reads as {@link #OTHER} and is ignored.
 */
public enum FindingKind {
  /** A Seq Scan whose filter removed most of the rows it read. */
  SEQ_SCAN_REMOVES_MOST_ROWS,
  /** A filter, a sort and a LIMIT: the sort could come from an index in the right order. */
  FILTER_ORDER_LIMIT,
  /** LIKE or ILIKE with a pattern that starts with a wildcard. */
  LEADING_WILDCARD_LIKE,
  /** Anything else: not acted on. */
  @JsonEnumDefaultValue
  OTHER
}
