package dev.indexlab.report;

import dev.indexlab.results.RunResults.RouteResult;
import dev.indexlab.results.RunResults.ScenarioResult;
import dev.indexlab.results.RunResults.StatementCapture;
import dev.indexlab.text.MarkdownTable;
import dev.indexlab.text.MarkdownTable.Column;
import dev.indexlab.text.ReportFormat;
import java.util.List;

/**
 * The appendix ({@code routes.md}): every route, statement by statement, baseline against
 * optimized: SQL, median EXPLAIN ANALYZE time, shared buffers, what indexlab noticed, every
 * foreign-key cascade, and both plans folded in {@code <details>} blocks.
 */
final class RoutesPage {
  /** The page's file name. */
  static final String FILE = "routes.md";

  private final RunIndex run;
  private final List<String> routeIds;
  private final PlanFiles plans;

  RoutesPage(RunIndex run, List<String> routeIds, PlanFiles plans) {
    this.run = run;
    this.routeIds = List.copyOf(routeIds);
    this.plans = plans;
  }

  String render() {
    ScenarioResult after = run.optimized();
    StringBuilder out = new StringBuilder("# Every route, statement by statement\n\n");
    out.append(
            "For each route: its statements with the median EXPLAIN ANALYZE execution time in the ")
        .append(run.baseline() == null ? "baseline" : MarkdownText.code(run.baseline().name()))
        .append(" scenario and in ")
        .append(
            after == null
                ? "no other scenario (the run has no optimized scenario)"
                : "the " + MarkdownText.code(after.name()) + " scenario")
        .append(", shared buffers per execution, what indexlab noticed, and both plans. ")
        .append(MarkdownText.link("Back to the summary", "README.md"))
        .append(".\n\n");
    for (String id : routeIds) {
      out.append(route(id, after));
    }
    return out.toString();
  }

  private String route(String id, ScenarioResult afterScenario) {
    RouteResult before = RunIndex.route(run.baseline(), id);
    RouteResult after = RunIndex.route(afterScenario, id);
    RouteResult any = before != null ? before : after;
    StringBuilder out =
        new StringBuilder("## ").append(MarkdownText.text(run.routeName(id))).append("\n\n");
    out.append(MarkdownText.code(SummaryPage.nonBlank(any.file(), id)))
        .append(", weight ")
        .append(SummaryPage.plain(any.weight()))
        .append(any.writes() ? ", writes" : ", read-only")
        .append(".\n\n");
    for (RouteResult r : new RouteResult[] {before, after}) {
      if (r != null && r.error() != null) {
        out.append("**Failed** in ")
            .append(r == before ? "the baseline" : "the optimized scenario")
            .append(": ")
            .append(MarkdownText.text(r.error()))
            .append("\n\n");
      }
    }
    List<StatementCapture> statements = RunIndex.statements(any);
    if (statements.isEmpty()) {
      return out.append("No statement was captured for this route.\n\n").toString();
    }
    out.append(statementTable(before, after)).append('\n');
    for (StatementCapture s : statements) {
      StatementCapture b = RunIndex.statement(before, s.index());
      StatementCapture a = RunIndex.statement(after, s.index());
      out.append(statement(b == null ? s : b, b == null ? null : a, b != null));
    }
    return out.toString();
  }

  private String statementTable(RouteResult before, RouteResult after) {
    MarkdownTable table =
        new MarkdownTable(
            Column.right("#"),
            Column.left("Statement"),
            Column.right("Before (ms)"),
            Column.right("After (ms)"),
            Column.right("Change"),
            Column.right("Buffers before"),
            Column.right("Buffers after"),
            Column.left("Verdict"));
    for (StatementCapture s : RunIndex.statements(before != null ? before : after)) {
      StatementCapture b = RunIndex.statement(before, s.index());
      StatementCapture a = RunIndex.statement(after, s.index());
      table.row(
          String.valueOf(s.index() + 1),
          MarkdownText.text(SummaryPage.nonBlank(s.label(), "statement " + (s.index() + 1))),
          time(b),
          time(a),
          b == null || a == null
              ? ReportFormat.NOT_AVAILABLE
              : ChangeWording.signedPercent(b.medianExecutionMs(), a.medianExecutionMs()),
          b == null || b.error() != null
              ? ReportFormat.NOT_AVAILABLE
              : ReportFormat.grouped(b.sharedBuffers()),
          a == null || a.error() != null
              ? ReportFormat.NOT_AVAILABLE
              : ReportFormat.grouped(a.sharedBuffers()),
          b == null || a == null || b.error() != null || a.error() != null
              ? "not compared"
              : run.wording().explainVerdict(b.medianExecutionMs(), a.medianExecutionMs()).words());
    }
    return table.render();
  }

  private String statement(StatementCapture s, StatementCapture after, boolean isBaseline) {
    StringBuilder out =
        new StringBuilder("### Statement ")
            .append(s.index() + 1)
            .append(": ")
            .append(MarkdownText.text(SummaryPage.nonBlank(s.label(), "unlabelled")))
            .append("\n\n");
    out.append(MarkdownText.codeBlock("sql", s.sql())).append('\n');
    if (s.error() != null) {
      out.append("**Could not be explained:** ")
          .append(MarkdownText.text(s.error()))
          .append("\n\n");
    } else {
      out.append(
              details(
                  (isBaseline ? "Plan before" : "Plan")
                      + ", "
                      + ReportFormat.msWithUnit(s.medianExecutionMs())
                      + " median",
                  s))
          .append(StatementFacts.render(s));
    }
    if (after != null) {
      if (RunIndex.rewritten(s, after)) {
        out.append("The optimized scenario runs a rewritten statement:\n\n")
            .append(MarkdownText.codeBlock("sql", after.sql()))
            .append('\n');
      }
      if (after.error() != null) {
        out.append("**Could not be explained after:** ")
            .append(MarkdownText.text(after.error()))
            .append("\n\n");
      } else {
        out.append(
            details(
                "Plan after, " + ReportFormat.msWithUnit(after.medianExecutionMs()) + " median",
                after));
      }
    }
    if (!CascadeAnalysis.flatten(s).isEmpty()) {
      out.append(new CascadeAnalysis(s, after, run.wording(), plans).renderAll(1));
    }
    return out.toString();
  }

  private String details(String summary, StatementCapture s) {
    return "<details><summary>"
        + MarkdownText.html(summary)
        + "</summary>\n\n"
        + plans.table(s)
        + "\n</details>\n\n";
  }

  private static String time(StatementCapture s) {
    if (s == null) {
      return "not captured";
    }
    if (s.error() != null) {
      return "failed";
    }
    return ChangeWording.ms(s.medianExecutionMs());
  }
}
