package dev.indexlab.advise;

/** What applying a candidate does to the database (or to a route). */
public enum CandidateKind {
  /** Creates one or more indexes. */
  CREATE_INDEX,
  /** Drops an index. */
  DROP_INDEX,
  /** Creates an extension, then indexes that need it (pg_trgm and a GIN index). */
  EXTENSION_INDEX,
  /** Replaces a route's SQL (possibly together with indexes the rewrite needs). */
  REWRITE
}
