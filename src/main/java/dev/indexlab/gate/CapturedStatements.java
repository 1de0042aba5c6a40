package dev.indexlab.gate;

import dev.indexlab.scenario.RunResults;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns statement captures of the results model ({@link RunResults.StatementCapture}: one
 * representative plan per statement, as text, with its foreign-key drill-downs) into the gate's
 * {@link StatementSnapshot}s, one draw each, so a route captured elsewhere (a {@code run}'s
 * results, a route-level capture) can be compared by the same rules. Shapes are read from the plan
 * text ({@link PlanTextShapes}); a drill-down's plan becomes a cascade section and its shared
 * buffers count with the statement's (as hits: the split is not kept). Temp blocks are not captured
 * there: 0, and spills are seen on the plan lines only.
 */
public final class CapturedStatements {
  private CapturedStatements() {}

  /** One snapshot per capture, in order. */
  public static List<StatementSnapshot> of(List<RunResults.StatementCapture> captures) {
    List<StatementSnapshot> out = new ArrayList<>();
    for (RunResults.StatementCapture c : captures) {
      out.add(of(c));
    }
    return out;
  }

  /** The snapshot of one capture. */
  public static StatementSnapshot of(RunResults.StatementCapture c) {
    if (c.error() != null || c.planText() == null) {
      String why = c.error() != null ? c.error() : "no plan captured";
      return new StatementSnapshot(
          c.index(), c.label(), c.sql(), List.of(new StatementDraw(0, 0, 0, 0, List.of(), why)));
    }
    List<PlanSection> sections = new ArrayList<>();
    sections.add(new PlanSection(PlanSection.STATEMENT, PlanTextShapes.nodes(c.planText())));
    for (RunResults.DrillDown d : flatten(c.drillDowns())) {
      if (d.planText() == null || d.planText().isBlank()) {
        continue;
      }
      String sql = d.sql() == null ? "" : d.sql().replaceAll("\\s+", " ").strip();
      sections.add(
          new PlanSection(
              "cascade " + d.constraint() + ": " + sql, PlanTextShapes.nodes(d.planText())));
    }
    StatementDraw draw =
        new StatementDraw(c.medianExecutionMs(), c.sharedHit(), c.sharedRead(), 0, sections, null);
    return new StatementSnapshot(c.index(), c.label(), c.sql(), List.of(draw));
  }

  private static List<RunResults.DrillDown> flatten(List<RunResults.DrillDown> drillDowns) {
    List<RunResults.DrillDown> out = new ArrayList<>();
    if (drillDowns == null) {
      return out;
    }
    for (RunResults.DrillDown d : drillDowns) {
      out.add(d);
      out.addAll(flatten(d.nested()));
    }
    return out;
  }
}
