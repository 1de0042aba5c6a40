package dev.indexlab.report;

import dev.indexlab.report.ChangeWording.Verdict;
import dev.indexlab.results.RunResults.CandidateResult;
import dev.indexlab.results.RunResults.DrillDown;
import dev.indexlab.results.RunResults.RouteDelta;
import dev.indexlab.results.RunResults.RouteResult;
import dev.indexlab.results.RunResults.ScenarioResult;
import dev.indexlab.results.RunResults.StatementCapture;
import dev.indexlab.text.ReportFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One route's story in a candidate write-up, told as the team's write-up tells it: the statement
 * and its plan, what indexlab noticed, the drilled-down trigger statement, the candidate, the plans
 * after, and the change at statement and route level with buffers.
 */
final class RouteAnalysis {
  private final RunIndex run;
  private final CandidateResult candidate;
  private final ScenarioResult candidateScenario;
  private final PlanFiles plans;

  RouteAnalysis(RunIndex run, CandidateResult candidate, PlanFiles plans) {
    this.run = run;
    this.candidate = candidate;
    this.candidateScenario = run.scenarioOf(candidate);
    this.plans = plans;
  }

  /**
   * The routes worth telling: measurably faster at statement or route level and captured in the
   * baseline, biggest EXPLAIN saving first.
   */
  List<RouteDelta> routes() {
    List<RouteDelta> list = new ArrayList<>();
    for (RouteDelta d : RunIndex.deltas(candidate)) {
      boolean explainFaster =
          run.wording().explainVerdict(d.explainBeforeMs(), d.explainAfterMs()).improved();
      boolean jmhFaster = ChangeWording.verdict(d.jmh()).improved();
      RouteResult before = RunIndex.route(run.baseline(), d.route());
      if ((explainFaster || jmhFaster) && !RunIndex.statements(before).isEmpty()) {
        list.add(d);
      }
    }
    list.sort(
        Comparator.comparingDouble(
                (RouteDelta d) -> -saving(d.explainBeforeMs(), d.explainAfterMs()))
            .thenComparing(RouteDelta::route, Comparator.nullsFirst(Comparator.naturalOrder())));
    return list;
  }

  /**
   * The section for one route.
   *
   * @param first whether this is the page's first story (which shows the candidate's SQL in full)
   */
  String render(RouteDelta delta, boolean first) {
    RouteResult before = RunIndex.route(run.baseline(), delta.route());
    RouteResult after = RunIndex.route(candidateScenario, delta.route());
    StatementCapture hot = hotStatement(before, after);
    StatementCapture hotAfter = after == null ? null : RunIndex.statement(after, hot.index());
    boolean rewritten = RunIndex.rewritten(hot, hotAfter);
    CascadeAnalysis cascades = new CascadeAnalysis(hot, hotAfter, run.wording(), plans);
    DrillDown focus = cascades.focus();

    StringBuilder out = new StringBuilder();
    out.append("## ").append(MarkdownText.text(run.routeName(delta.route()))).append("\n\n");
    out.append(intro(before, hot, rewritten)).append("\n\n");
    out.append(MarkdownText.codeBlock("sql", hot.sql())).append('\n');
    if (before.draws() != null) {
      out.append(SlowRouteStory.parameters(before, after).strip()).append("\n\n");
    }
    out.append(plans.table(hot)).append('\n');

    out.append("### What indexlab noticed\n\n").append(StatementFacts.render(hot));
    if (focus != null) {
      out.append("### The statement behind the trigger\n\n").append(cascades.renderBefore(focus));
    }

    if (first || rewritten) {
      out.append("### The candidate\n\n");
      out.append(
          new CandidateSql(candidate)
              .render(rewritten ? hot.sql() : null, rewritten ? hotAfter.sql() : null));
    }

    out.append("### After\n\n");
    if (focus != null) {
      out.append(cascades.renderAfter(focus));
    }
    if (hotAfter == null) {
      out.append("The statement was not captured with the candidate in place.\n\n");
    } else {
      out.append(
          focus != null
              ? "And the route's statement:\n\n"
              : "The statement with the candidate in place:\n\n");
      out.append(plans.table(hotAfter)).append('\n');
    }
    out.append(results(delta, hot, hotAfter));
    out.append(cascades.renderAll(2));
    return out.toString();
  }

  private String intro(RouteResult route, StatementCapture hot, boolean rewritten) {
    List<StatementCapture> all = RunIndex.statements(route);
    String lead;
    if (all.size() == 1) {
      lead = "Only a single query is used";
    } else {
      double total = 0;
      for (StatementCapture s : all) {
        total += ChangeWording.present(s.medianExecutionMs()) ? s.medianExecutionMs() : 0;
      }
      lead =
          "The route runs "
              + all.size()
              + " statements in one transaction; statement "
              + (hot.index() + 1)
              + " ("
              + MarkdownText.text(SummaryPage.nonBlank(hot.label(), "unlabelled"))
              + ") is the one the candidate changes"
              + (total > 0 && ChangeWording.present(hot.medianExecutionMs())
                  ? ", and it took "
                      + ReportFormat.msWithUnit(hot.medianExecutionMs())
                      + " of the statements' "
                      + ReportFormat.msWithUnit(total)
                      + " median EXPLAIN ANALYZE time ("
                      + ChangeWording.share(hot.medianExecutionMs() / total)
                      + ")"
                  : "");
    }
    return lead + (rewritten ? ". Before the rewrite it reads:" : ":");
  }

  /**
   * "- **Statement N**, EXPLAIN ANALYZE median: from … to …, …" with the shared buffers, for the
   * statement that changed most.
   */
  static String statementLine(RunIndex run, StatementCapture hot, StatementCapture hotAfter) {
    return "- **Statement "
        + (hot.index() + 1)
        + "**, EXPLAIN ANALYZE median: "
        + run.wording().explainFromTo(hot.medianExecutionMs(), hotAfter.medianExecutionMs())
        + CascadeAnalysis.buffers(hot.sharedBuffers(), hotAfter.sharedBuffers())
        + ".\n";
  }

  private String results(RouteDelta delta, StatementCapture hot, StatementCapture hotAfter) {
    StringBuilder out = new StringBuilder();
    if (hotAfter != null) {
      out.append(RouteAnalysis.statementLine(run, hot, hotAfter));
    } else {
      out.append("- **EXPLAIN** (median execution time recorded for the route; the statement was")
          .append(" not captured with the candidate): ")
          .append(run.wording().explainFromTo(delta.explainBeforeMs(), delta.explainAfterMs()))
          .append(".\n");
    }
    Verdict route = ChangeWording.verdict(delta.jmh());
    if (delta.untimed()) {
      out.append(
              "- **Route**: not timed under JMH with this candidate (its EXPLAIN showed neither a")
          .append(" gain the decision rule could accept nor the extra work of a regression)")
          .append(CascadeAnalysis.buffers(delta.buffersBefore(), delta.buffersAfter()))
          .append(" per call.\n");
    } else {
      out.append("- **Route**, JMH ")
          .append(delta.jmh() == null ? "mean" : "median")
          .append(" per call (all statements): ")
          .append(
              ChangeWording.fromTo(
                  RunIndex.jmhMs(delta, true), RunIndex.jmhMs(delta, false), route))
          .append(
              delta.jmh() == null
                  ? " (no samples kept: not compared)"
                  : " ("
                      + ChangeWording.samples(
                          delta.jmh().nBefore(), delta.jmh().nAfter(), delta.jmh())
                      + ")")
          .append(CascadeAnalysis.buffers(delta.buffersBefore(), delta.buffersAfter()))
          .append(" per call.\n");
    }
    out.append("- **Plan**: ")
        .append(
            delta.usesCandidate()
                ? "the route's plans use the candidate"
                : "the route's plans do not use the candidate")
        .append(".\n\n");
    return out.toString();
  }

  /** The statement the candidate changed most, else the slowest of the route. */
  static StatementCapture hotStatement(RouteResult before, RouteResult after) {
    StatementCapture best = null;
    double bestGain = 0;
    for (StatementCapture s : RunIndex.statements(before)) {
      StatementCapture a = RunIndex.statement(after, s.index());
      double gain = a == null ? Double.NaN : saving(s.medianExecutionMs(), a.medianExecutionMs());
      if (Double.isFinite(gain) && gain > bestGain) {
        best = s;
        bestGain = gain;
      }
    }
    if (best != null) {
      return best;
    }
    for (StatementCapture s : RunIndex.statements(before)) {
      if (best == null || s.medianExecutionMs() > best.medianExecutionMs()) {
        best = s;
      }
    }
    return best;
  }

  private static double saving(double before, double after) {
    return ChangeWording.present(before) && ChangeWording.present(after)
        ? before - after
        : Double.NaN;
  }
}
