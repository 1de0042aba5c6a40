package dev.indexlab.report;

import dev.indexlab.Setting;
import dev.indexlab.report.ChangeWording.Verdict;
import dev.indexlab.results.RunResults.RouteResult;
import dev.indexlab.results.RunResults.ScenarioResult;
import dev.indexlab.results.RunResults.Timing;
import dev.indexlab.stats.Significance;
import dev.indexlab.text.MarkdownTable;
import dev.indexlab.text.MarkdownTable.Column;
import dev.indexlab.text.ReportFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary's route table: JMH median and p95 per route before (baseline) and after (optimized)
 * with their sample counts, the change of the medians in ms and percent, and the verdict of the
 * run's significance rule on the two sides' samples. Rows follow the team's write-up table (its
 * rows, order and blank separators) when the run's routes match it, then every other route in the
 * order of the run. Every cell holds a number or says why it has none.
 */
final class RouteTable {
  private final RunIndex run;
  private final List<String> failures = new ArrayList<>();
  private final Map<Verdict, Integer> verdicts = new LinkedHashMap<>();
  private int reused;
  private boolean dashed;

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
    dashed = false;
    MarkdownTable table =
        new MarkdownTable(
            Column.left("Route"),
            Column.right("Baseline median"),
            Column.right("p95"),
            Column.right("Optimized median"),
            Column.right("p95"),
            Column.right("Samples"),
            Column.right("Change"),
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
    if (dashed) {
      out.append('\n')
          .append("\"")
          .append(TOO_FEW)
          .append(
              "\" in a p95 column: fewer than "
                  + Significance.samplesToHold(P95)
                  + " samples, too few to hold a 95th percentile (it would be one of the five"
                  + " slowest calls under another name). Samples: JMH samples, baseline /"
                  + " optimized. A side with fewer than "
                  + Significance.MIN_SAMPLES
                  + " samples met the run's time limit first: the "
                  + profile()
                  + " profile stretches a route's JMH iterations to at most four times their"
                  + " length, and that held fewer than "
                  + Significance.MIN_SAMPLES
                  + " calls of the route; a longer profile ("
                  + run.flag(Setting.PROFILE)
                  + " standard or thorough) gives it more.\n");
    }
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

  private String profile() {
    String name = run.results().meta() == null ? null : run.results().meta().profile();
    return name == null ? "run's" : name;
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
    List<String> b =
        side(before, run.baseline() == null ? "not run" : "not measured", "baseline", name);
    List<String> a = side(after, optimized == null ? "not run" : "not measured", "optimized", name);
    cells.addAll(b.subList(0, 2));
    cells.addAll(a.subList(0, 2));
    cells.add(b.get(2) + " / " + a.get(2));
    RouteComparison c = RouteComparison.of(run, id);
    if (c.before() == null || c.after() == null) {
      boolean failed = failed(before) || failed(after);
      cells.add(ReportFormat.NOT_AVAILABLE);
      cells.add(failed ? "failed" : Verdict.MISSING.words());
      count(Verdict.MISSING);
      return cells;
    }
    if (c.reused()) {
      // the optimized scenario did not time it: nothing it reads or writes changed
      reused++;
      cells.add("n/a");
      cells.add(NOT_RETIMED);
      count(Verdict.NO_CHANGE);
      return cells;
    }
    cells.add(ChangeWording.signedPercent(c.medianBefore(), c.medianAfter()));
    cells.add(c.verdict().words());
    count(c.verdict());
    return cells;
  }

  private void count(Verdict v) {
    verdicts.merge(v, 1, Integer::sum);
  }

  /** Median, p95 and sample-count cells of one scenario's side. */
  private List<String> side(RouteResult route, String absent, String scenario, String name) {
    if (route == null) {
      return List.of(absent, absent, "n/a");
    }
    if (route.error() != null || route.timing() == null) {
      String reason = route.error() == null ? "no JMH timing recorded" : route.error();
      failures.add(
          MarkdownText.text(name) + " (" + scenario + ") failed: " + MarkdownText.text(reason));
      return List.of("failed", "failed", "n/a");
    }
    Timing t = route.timing();
    return List.of(ChangeWording.ms(t.p50()), p95(t), ReportFormat.grouped(t.samples()));
  }

  /** The p95 cell: the figure when the samples hold it, else a dash (see the note). */
  private String p95(Timing t) {
    if (!Significance.holdsQuantile(P95, t.samples())) {
      dashed = true;
      return TOO_FEW;
    }
    return ChangeWording.ms(t.p95());
  }

  /** The quantile of the p95 column. */
  private static final double P95 = 0.95;

  /** A percentile cell left empty because the samples are too few to hold it. */
  static final String TOO_FEW = "–";

  private static boolean failed(RouteResult route) {
    return route != null && (route.error() != null || route.timing() == null);
  }
}
