package dev.indexlab.check;

/** What applying a candidate does to the database (or to a route). */
public enum CandidateKind {
  /** Creates one or more indexes. */
  CREATE_INDEX,
  /** Drops an index. */
  DROP_INDEX,
  /** Creates an extension, then indexes that need it (pg_trgm and a GIN index). */
  EXTENSION_INDEX,
  /** Replaces a route's SQL (possibly together with indexes the rewrite needs). */
  REWRITE,
  /**
   * Replaces a route's SQL with one that returns other rows by design, because the application's
   * API changes with it (keyset pagination instead of OFFSET: the client sends the last key it
   * saw). Marked {@code api.changes=true} in {@code candidate.properties}. Measured against the
   * route it replaces with paired parameter sets, never checked for equivalence and never accepted:
   * no index or migration can ship it, the application has to change.
   */
  API_REWRITE
}
