package dev.indexlab.report;

import dev.indexlab.report.ChangeWording.Verdict;
import dev.indexlab.report.MarkdownTable.Column;
import dev.indexlab.scenario.DecisionRule;
import dev.indexlab.scenario.RunResults.RouteResult;
import dev.indexlab.scenario.RunResults.ScenarioResult;
import dev.indexlab.scenario.RunResults.Timing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary's route table: JMH mean and p95 per route before (baseline) and after (optimized),
 * the change in ms and percent, and its verdict. Rows follow the team's write-up table (its rows,
 * order and blank separators) when the run's routes match it, then every other route in the order
 * of the run. Every cell holds a number or says why it has none.
 */
final class RouteTable {
  /** Longest failure reason shown in a cell; the full text is listed under the table. */
  private static final int REASON_IN_CELL = 40;

  private final RunIndex run;
  private final List<String> failures = new ArrayList<>();
  private final Map<Verdict, Integer> verdicts = new LinkedHashMap<>();
  private int reused;

  /** The verdict of a route the optimized scenario did not time again. */
  static final String NOT_RETIMED = "unchanged, not re-timed";

  RouteTable(RunIndex run) {
    this.run = run;
  }

  /** The table, followed by the full reason of each failed route. */
  String render() {
    failures.clear();
    verdicts.clear();
    reused = 0;
    MarkdownTable table =
        new MarkdownTable(
            Column.left("Route"),
            Column.right("Baseline mean (ms)"),
            Column.right("Baseline p95 (ms)"),
            Column.right("Optimized mean (ms)"),
            Column.right("Optimized p95 (ms)"),
            Column.right("Change (ms)"),
            Column.right("Change (%)"),
            Column.left("Verdict"));
    for (Slot slot : order()) {
      if (slot.blank()) {
        table.blankRow();
      } else if (slot.routeId() == null) {
        String none = "no route in this run";
        table.row(
            MarkdownText.text(slot.unmatchedLabel()),
            none,
            none,
            none,
            none,
            "n/a",
            "n/a",
            "not measured");
      } else {
        table.row(cells(slot.routeId()));
      }
    }
    StringBuilder out = new StringBuilder(table.render());
    if (reused > 0) {
      out.append('\n')
          .append("\"")
          .append(NOT_RETIMED)
          .append(
              "\": the route reads and writes no table the accepted candidates change and runs the"
                  + " baseline's plans in the optimized scenario, so it was timed once, at the start"
                  + " of the run, and that timing stands in both columns.\n");
    }
    if (!failures.isEmpty()) {
      out.append('\n');
      for (String f : failures) {
        out.append("- ").append(f).append('\n');
      }
    }
    return out.toString();
  }

  /** How many routes got each verdict in the last {@link #render()}. */
  Map<Verdict, Integer> verdicts() {
    return verdicts;
  }

  /**
   * One row of the table: a route, a write-up row that no route of the run matches, or a blank
   * separator.
   */
  record Slot(String routeId, String unmatchedLabel) {
    static final Slot BLANK = new Slot(null, null);

    boolean blank() {
      return routeId == null && unmatchedLabel == null;
    }
  }

  /** The rows in table order. */
  List<Slot> order() {
    List<String> ids = routeIds();
    List<Slot> rows = new ArrayList<>();
    List<String> placed = new ArrayList<>();
    boolean layout = false;
    for (String id : ids) {
      layout |= WriteupLayout.rowOf(run.routeName(id)) >= 0;
    }
    if (layout) {
      int group = 0;
      for (int i = 0; i < WriteupLayout.ROWS.size(); i++) {
        WriteupLayout.Row row = WriteupLayout.ROWS.get(i);
        if (row.group() != group) {
          rows.add(Slot.BLANK);
          group = row.group();
        }
        String match = null;
        for (String id : ids) {
          if (!placed.contains(id) && WriteupLayout.rowOf(run.routeName(id)) == i) {
            match = id;
            break;
          }
        }
        if (match == null) {
          rows.add(new Slot(null, row.label()));
        } else {
          rows.add(new Slot(match, null));
          placed.add(match);
        }
      }
    }
    boolean separated = !layout;
    for (String id : ids) {
      if (!placed.contains(id)) {
        if (!separated) {
          rows.add(Slot.BLANK);
          separated = true;
        }
        rows.add(new Slot(id, null));
      }
    }
    return rows;
  }

  /** Route ids of the baseline, then any that only the optimized scenario has. */
  List<String> routeIds() {
    List<String> ids = new ArrayList<>();
    for (ScenarioResult s : new ScenarioResult[] {run.baseline(), run.optimized()}) {
      if (s != null && s.routes() != null) {
        for (RouteResult r : s.routes()) {
          if (!ids.contains(r.id())) {
            ids.add(r.id());
          }
        }
      }
    }
    return ids;
  }

  private List<String> cells(String id) {
    String name = run.routeName(id);
    RouteResult before = RunIndex.route(run.baseline(), id);
    ScenarioResult optimized = run.optimized();
    RouteResult after = RunIndex.route(optimized, id);
    List<String> cells = new ArrayList<>();
    cells.add(MarkdownText.text(name));
    cells.addAll(
        side(before, run.baseline() == null ? "not run" : "not measured", "baseline", name));
    cells.addAll(side(after, optimized == null ? "not run" : "not measured", "optimized", name));
    Timing tb = timing(before);
    Timing ta = timing(after);
    if (tb == null || ta == null) {
      boolean failed = failed(before) || failed(after);
      cells.add(ReportFormat.NOT_AVAILABLE);
      cells.add(ReportFormat.NOT_AVAILABLE);
      cells.add(failed ? "failed" : Verdict.MISSING.words());
      count(Verdict.MISSING);
      return cells;
    }
    if (ta.reusedFrom() != null) {
      // the optimized scenario did not time it: nothing it reads or writes changed
      reused++;
      cells.add("n/a");
      cells.add("n/a");
      cells.add(NOT_RETIMED);
      count(Verdict.NO_CHANGE);
      return cells;
    }
    boolean apart = ChangeWording.intervalsApart(tb.mean(), tb.error(), ta.mean(), ta.error());
    Verdict v = ChangeWording.verdict(tb.mean(), ta.mean(), apart);
    Verdict plans =
        ChangeWording.explainVerdict(DecisionRule.explainMs(before), DecisionRule.explainMs(after));
    if (plans != Verdict.MISSING
        && (v.improved() && !plans.improved() || v.regressed() && !plans.regressed())) {
      // JMH alone moved: the statements' own EXPLAIN times did not, so it was the machine
      v = Verdict.NO_CHANGE;
    }
    cells.add(ChangeWording.signedMs(tb.mean(), ta.mean()));
    cells.add(ChangeWording.signedPercent(tb.mean(), ta.mean()));
    cells.add(v.words());
    count(v);
    return cells;
  }

  private void count(Verdict v) {
    verdicts.merge(v, 1, Integer::sum);
  }

  /** Mean and p95 cells of one scenario's side. */
  private List<String> side(RouteResult route, String absent, String scenario, String name) {
    if (route == null) {
      return List.of(absent, absent);
    }
    if (route.error() != null || route.timing() == null) {
      String reason = route.error() == null ? "no JMH timing recorded" : route.error();
      failures.add(
          MarkdownText.text(name) + " (" + scenario + ") failed: " + MarkdownText.text(reason));
      String shortReason =
          reason.length() <= REASON_IN_CELL
              ? reason
              : reason.substring(0, REASON_IN_CELL - 1) + "…";
      return List.of(MarkdownText.text("failed: " + shortReason), "failed");
    }
    return List.of(ms(route.timing().mean()), ms(route.timing().p95()));
  }

  private static boolean failed(RouteResult route) {
    return route != null && (route.error() != null || route.timing() == null);
  }

  static Timing timing(RouteResult route) {
    return route == null || route.error() != null ? null : route.timing();
  }

  private static String ms(double value) {
    return ChangeWording.present(value) ? ReportFormat.ms(value) : "not measured";
  }
}
