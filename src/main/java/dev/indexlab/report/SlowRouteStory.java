package dev.indexlab.report;

import dev.indexlab.report.ChangeWording.Verdict;
import dev.indexlab.results.RunResults.CandidateResult;
import dev.indexlab.results.RunResults.Draws;
import dev.indexlab.results.RunResults.DrillDown;
import dev.indexlab.results.RunResults.RouteDelta;
import dev.indexlab.results.RunResults.RouteResult;
import dev.indexlab.results.RunResults.StatementCapture;
import dev.indexlab.text.ReportFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The summary's story of one route the accepted set made faster, told as the team's write-up tells
 * it: what the route runs, the statement that dominates and its plan, what indexlab noticed, the
 * cascade statement behind a trigger and its plan, the fix (the accepted candidates its optimized
 * plans use, with their migrations), the plans after with the same parameter values, the change at
 * statement and route level (EXPLAIN and JMH named), and the alternatives measured on the way.
 */
final class SlowRouteStory {
  private final RunIndex run;
  private final PlanFiles plans;

  SlowRouteStory(RunIndex run, PlanFiles plans) {
    this.run = run;
    this.plans = plans;
  }

  String render(String id) {
    RouteResult before = RunIndex.route(run.baseline(), id);
    RouteResult after = RunIndex.route(run.optimized(), id);
    StatementCapture hot = RouteAnalysis.hotStatement(before, after);
    StringBuilder out = new StringBuilder();
    out.append("### ").append(MarkdownText.text(run.routeName(id))).append("\n\n");
    out.append(what(before)).append("\n\n");
    out.append(outcome(id, before, after)).append("\n\n");
    if (hot == null) {
      return out.append("No statement of the route was captured.\n\n").toString();
    }
    StatementCapture hotAfter = RunIndex.statement(after, hot.index());
    out.append(dominates(before, hot)).append(parameters(before, after)).append("\n\n");
    out.append(MarkdownText.codeBlock("sql", hot.sql())).append('\n');
    out.append(plans.table(hot)).append('\n');
    out.append("#### What indexlab noticed\n\n").append(StatementFacts.render(hot));
    CascadeAnalysis cascades = new CascadeAnalysis(hot, hotAfter, run.wording(), plans);
    DrillDown focus = cascades.focus();
    if (focus != null) {
      out.append("#### The statement behind the trigger\n\n").append(cascades.renderBefore(focus));
    }
    List<CandidateResult> fixes = fixes(id);
    out.append("#### The fix\n\n");
    if (fixes.isEmpty()) {
      out.append(
          "No accepted candidate appears in the route's optimized plans; the change comes from"
              + " the accepted set as a whole.\n\n");
    }
    boolean rewritten = RunIndex.rewritten(hot, hotAfter);
    for (CandidateResult c : fixes) {
      out.append(MarkdownText.link(c.id(), run.pageOf(c)))
          .append(": ")
          .append(SummaryPage.text(c.description()))
          .append(".\n\n")
          .append(
              new CandidateSql(c)
                  .render(
                      rewritten && RunIndex.isRewrite(c) ? hot.sql() : null,
                      rewritten && RunIndex.isRewrite(c) ? hotAfter.sql() : null));
    }
    out.append("#### After\n\n");
    if (focus != null) {
      out.append(cascades.renderAfter(focus));
    }
    if (hotAfter == null) {
      out.append("The statement was not captured with the accepted set in place.\n\n");
    } else {
      out.append(focus != null ? "And the route's statement:\n\n" : "The statement after:\n\n")
          .append(plans.table(hotAfter))
          .append('\n');
    }
    out.append(results(id, before, after, hot, hotAfter));
    out.append(alternatives(id, fixes));
    return out.toString();
  }

  /**
   * The route's {@code @description} as its own paragraph (results written before it was recorded
   * have none), then its file and numbered statements.
   */
  static String what(RouteResult route) {
    String description =
        route.description() == null || route.description().isBlank()
            ? ""
            : SummaryPage.text(route.description()) + "\n\n";
    List<StatementCapture> all = RunIndex.statements(route);
    List<String> labels = new ArrayList<>();
    for (StatementCapture s : all) {
      labels.add(
          (s.index() + 1)
              + ". "
              + MarkdownText.text(SummaryPage.nonBlank(s.label(), "unlabelled")));
    }
    return description
        + "The route ("
        + MarkdownText.code(SummaryPage.nonBlank(route.file(), route.id()))
        + ") runs "
        + SummaryPage.count(all.size(), "statement", "statements")
        + " in one transaction: "
        + String.join("; ", labels)
        + ".";
  }

  /** "EXPLAIN: from X to Y, a Z% improvement; JMH: ..." for the whole route. */
  private String outcome(String id, RouteResult before, RouteResult after) {
    RouteComparison c = RouteComparison.of(run, id);
    double eb = before.explainMs();
    double ea = after == null ? Double.NaN : after.explainMs();
    return "With the accepted set, the route went "
        + run.wording().explainFromTo(eb, ea)
        + " in EXPLAIN ANALYZE ("
        + draws(before)
        + "), and "
        + ChangeWording.fromTo(c.medianBefore(), c.medianAfter(), c.verdict())
        + " under JMH (median per call, "
        + samples(c)
        + ").";
  }

  static String draws(RouteResult route) {
    Draws d = route.draws();
    if (d != null && d.totalsMs() != null && !d.totalsMs().isEmpty()) {
      return "every statement of one execution summed, median of "
          + SummaryPage.count(d.totalsMs().size(), "draw", "draws");
    }
    return "the statements' medians summed";
  }

  static String samples(RouteComparison c) {
    return ChangeWording.samples(c.before().samples(), c.after().samples(), c.change());
  }

  private static String dominates(RouteResult route, StatementCapture hot) {
    double total = 0;
    for (StatementCapture s : RunIndex.statements(route)) {
      total += ChangeWording.present(s.medianExecutionMs()) ? s.medianExecutionMs() : 0;
    }
    String label = MarkdownText.text(SummaryPage.nonBlank(hot.label(), "unlabelled"));
    StringBuilder s = new StringBuilder("Statement ").append(hot.index() + 1).append(" (");
    s.append(label).append(") is the one that changed most");
    if (ChangeWording.present(hot.medianExecutionMs()) && total > 0) {
      s.append(": it took ")
          .append(ReportFormat.msWithUnit(hot.medianExecutionMs()))
          .append(" of the ")
          .append(ReportFormat.msWithUnit(total))
          .append(" the route's statements took (")
          .append(ChangeWording.share(hot.medianExecutionMs() / total))
          .append(", medians of the draws)");
    }
    return s.append('.').toString();
  }

  /** The parameter values of the plans shown, when the results record them. */
  static String parameters(RouteResult before, RouteResult after) {
    Draws d = before == null ? null : before.draws();
    if (d == null || d.shownParameters() == null || d.shownParameters().isEmpty()) {
      return " The plans below are each scenario's median draw (this run did not record which"
          + " parameter values they used).";
    }
    Draws a = after == null ? null : after.draws();
    boolean same = a != null && a.shown() == d.shown();
    // a rewrite may ask for other parameters (keyset pagination: the key before the page, not its
    // offset); then each side's values are named
    boolean otherValues =
        same
            && a.shownParameters() != null
            && !a.shownParameters().isEmpty()
            && !a.shownParameters().equals(d.shownParameters());
    if (otherValues) {
      return " Its plan before, run with "
          + values(d.shownParameters())
          + ", and after, run with "
          + values(a.shownParameters())
          + " (draw "
          + d.shown()
          + " of each):";
    }
    return " Its plan before"
        + (same ? " and after, both run with " : ", run with ")
        + values(d.shownParameters())
        + " (draw "
        + d.shown()
        + "):";
  }

  private static String values(Map<String, String> parameters) {
    List<String> values = new ArrayList<>();
    // by name: results.json writes map keys sorted, so a page rebuilt from it reads the same
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(parameters).entrySet()) {
      values.add(MarkdownText.code(e.getKey() + " = " + e.getValue()));
    }
    return String.join(", ", values);
  }

  /**
   * The accepted candidates the run credits with the route ({@code CandidateResult.credited}: its
   * optimized plans use their indexes, or it runs their rewrite); for results without credits, the
   * same found from the optimized plans' indexes and the candidates' deltas.
   */
  List<CandidateResult> fixes(String id) {
    boolean credits =
        run.candidates().stream().anyMatch(c -> c.credited() != null && !c.credited().isEmpty());
    if (credits) {
      return run.candidates().stream()
          .filter(c -> RunIndex.accepted(c) && c.credited() != null && c.credited().contains(id))
          .toList();
    }
    RouteResult after = RunIndex.route(run.optimized(), id);
    List<String> used = new ArrayList<>();
    for (StatementCapture s : RunIndex.statements(after)) {
      if (s.indexesUsed() != null) {
        s.indexesUsed().forEach(i -> used.add(unqualified(i)));
      }
    }
    List<CandidateResult> out = new ArrayList<>();
    for (CandidateResult c : run.candidates()) {
      if (!RunIndex.accepted(c)) {
        continue;
      }
      RouteDelta d = delta(c, id);
      if (d == null || !d.usesCandidate()) {
        continue;
      }
      boolean inPlans =
          c.build() != null
              && c.build().indexes() != null
              && c.build().indexes().stream().anyMatch(i -> used.contains(unqualified(i)));
      if (inPlans || RunIndex.isRewrite(c) && rewrites(c, id)) {
        out.add(c);
      }
    }
    return out;
  }

  private boolean rewrites(CandidateResult c, String id) {
    RouteResult base = RunIndex.route(run.baseline(), id);
    RouteResult mine = RunIndex.route(run.scenarioOf(c), id);
    for (StatementCapture s : RunIndex.statements(base)) {
      if (RunIndex.rewritten(s, RunIndex.statement(mine, s.index()))) {
        return true;
      }
    }
    return false;
  }

  static RouteDelta delta(CandidateResult c, String routeId) {
    for (RouteDelta d : RunIndex.deltas(c)) {
      if (routeId.equals(d.route())) {
        return d;
      }
    }
    return null;
  }

  private static String unqualified(String index) {
    int dot = index.lastIndexOf('.');
    return dot < 0 ? index : index.substring(dot + 1);
  }

  private String results(
      String id,
      RouteResult before,
      RouteResult after,
      StatementCapture hot,
      StatementCapture hotAfter) {
    StringBuilder out = new StringBuilder();
    if (hotAfter != null) {
      out.append(RouteAnalysis.statementLine(run, hot, hotAfter));
    }
    double eb = before.explainMs();
    double ea = after == null ? Double.NaN : after.explainMs();
    out.append("- **Route**, EXPLAIN ANALYZE (")
        .append(draws(before))
        .append("): ")
        .append(run.wording().explainFromTo(eb, ea))
        .append(".\n");
    RouteComparison c = RouteComparison.of(run, id);
    out.append("- **Route**, JMH median per call: ")
        .append(ChangeWording.fromTo(c.medianBefore(), c.medianAfter(), c.verdict()))
        .append(" (")
        .append(samples(c))
        .append(").\n\n");
    return out.toString();
  }

  /** One line per other candidate measured on this route: what it did, and its decision. */
  private String alternatives(String id, List<CandidateResult> fixes) {
    List<String> lines = new ArrayList<>();
    for (CandidateResult c : run.candidates()) {
      RouteDelta d = delta(c, id);
      if (fixes.contains(c) || d == null || !d.usesCandidate()) {
        continue;
      }
      StringBuilder s = new StringBuilder("- ");
      s.append(MarkdownText.link(c.id(), run.pageOf(c)))
          .append(RunIndex.accepted(c) ? " (accepted for other routes)" : " (rejected)")
          .append(" on its own: EXPLAIN ")
          .append(ReportFormat.ms(d.explainBeforeMs()))
          .append(" → ")
          .append(ReportFormat.msWithUnit(d.explainAfterMs()));
      if (!d.untimed()) {
        Verdict v = ChangeWording.verdict(d.jmh());
        s.append(d.jmh() == null ? ", JMH mean " : ", JMH median ")
            .append(ReportFormat.ms(RunIndex.jmhMs(d, true)))
            .append(" → ")
            .append(ReportFormat.msWithUnit(RunIndex.jmhMs(d, false)))
            .append(
                d.jmh() == null
                    ? ""
                    : " (" + ChangeWording.samples(d.jmh().nBefore(), d.jmh().nAfter(), null) + ")")
            .append(", ")
            .append(v.words());
      } else {
        s.append(", not timed under JMH");
      }
      lines.add(s.append('.').toString());
    }
    if (lines.isEmpty()) {
      return "";
    }
    return "Also measured on this route, each on its own against the baseline:\n\n"
        + String.join("\n", lines)
        + "\n\n";
  }
}
