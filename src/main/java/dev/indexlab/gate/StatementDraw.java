package dev.indexlab.gate;

import java.util.List;

/**
 * One statement explained with one parameter draw ({@code EXPLAIN (ANALYZE, BUFFERS)}, rolled
 * back): its figures and its plans.
 *
 * @param executionMs execution time of the statement, cascades included
 * @param sharedHit shared buffers found in cache, the statement's plan and its cascades' summed
 * @param sharedRead shared buffers read from the OS, summed likewise
 * @param tempBlocks temp blocks read and written (a spill), summed likewise
 * @param sections the statement's plan first, then its cascades' plans
 * @param error why the statement could not be explained with this draw, or null
 */
record StatementDraw(
    double executionMs,
    long sharedHit,
    long sharedRead,
    long tempBlocks,
    List<PlanSection> sections,
    String error) {

  public StatementDraw {
    sections = List.copyOf(sections);
  }

  /** Shared buffers touched (hit + read). */
  public long sharedBuffers() {
    return sharedHit + sharedRead;
  }
}
