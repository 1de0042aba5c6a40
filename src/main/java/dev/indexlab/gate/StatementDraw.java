package dev.indexlab.gate;

import dev.indexlab.explain.DrillDown;
import dev.indexlab.explain.ExplainedStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement explained with one parameter draw ({@code EXPLAIN (ANALYZE, BUFFERS)}, rolled
 * back): its figures and its plans, as the baseline file keeps them.
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

  /** What the gate keeps of a statement explained in a draw: figures and plan shapes. */
  static StatementDraw of(ExplainedStatement e) {
    if (!e.result().succeeded()) {
      return failed(e.result().failureSummary());
    }
    List<PlanSection> sections = new ArrayList<>();
    sections.add(new PlanSection(PlanSection.STATEMENT, PlanShapes.nodes(e.result().plan())));
    for (DrillDown d : e.cascades()) {
      sections.add(new PlanSection(cascadeTitle(d), PlanShapes.nodes(d.plan())));
    }
    ExplainedStatement.Work w = e.work();
    double ms = Double.isNaN(e.executionMs()) ? 0 : e.executionMs();
    return new StatementDraw(ms, w.sharedHit(), w.sharedRead(), w.tempBlocks(), sections, null);
  }

  /** A statement that could not be explained in a draw, and why. */
  static StatementDraw failed(String why) {
    return new StatementDraw(0, 0, 0, 0, List.of(), why);
  }

  /** {@code cascade <constraint>: <statement on one line>}. */
  static String cascadeTitle(DrillDown d) {
    String sql = d.derivedSql() == null ? "" : d.derivedSql().replaceAll("\\s+", " ").strip();
    return "cascade " + d.constraintName() + ": " + sql;
  }

  /** Shared buffers touched (hit + read). */
  public long sharedBuffers() {
    return sharedHit + sharedRead;
  }
}
