package dev.indexlab.report;

import dev.indexlab.results.Finding;
import dev.indexlab.results.RunResults.CandidateResult;
import dev.indexlab.results.RunResults.RouteDelta;
import dev.indexlab.results.RunResults.RouteResult;
import dev.indexlab.results.RunResults.ScenarioResult;
import dev.indexlab.results.RunResults.StatementCapture;
import dev.indexlab.text.ReportFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The summary's "What indexes cannot fix": what the plans still show with the accepted set applied
 * (an OFFSET that walks past rows, findings no candidate addressed), with their numbers, and the
 * candidates that change the application's API, measured but never accepted ("if the API changes:
 * from X to Y").
 */
final class UnfixedFindings {
  /** The candidate kind of a rewrite that changes what the route returns, by design. */
  static final String API_REWRITE = "API_REWRITE";

  private static final Pattern OFFSET = Pattern.compile("(?i)\\bOFFSET\\b");

  private final RunIndex run;

  UnfixedFindings(RunIndex run) {
    this.run = run;
  }

  String render(List<String> routeIds) {
    ScenarioResult last = run.optimized() != null ? run.optimized() : run.baseline();
    List<String> lines = new ArrayList<>();
    for (String id : routeIds) {
      RouteResult route = RunIndex.route(last, id);
      for (StatementCapture s : RunIndex.statements(route)) {
        offsetWalk(id, s).ifPresent(lines::add);
        // below the rule's floor no change could count: nothing there is left to fix
        boolean matters = !(s.medianExecutionMs() < run.wording().rule().minGainMs());
        if (s.findings() != null && matters) {
          for (Finding f : s.findings()) {
            lines.add(
                where(id, s)
                    + ": "
                    + (f.kind() == null ? "" : MarkdownText.code(f.kind().name()) + " ")
                    + MarkdownText.text(SummaryPage.nonBlank(f.message(), "no message").strip()));
          }
        }
      }
    }
    StringBuilder out = new StringBuilder("## What indexes cannot fix\n\n");
    if (lines.isEmpty()) {
      out.append(
          "With the accepted set applied, no plan shows a walk past rows or a finding that no"
              + " candidate addressed.\n\n");
    } else {
      out.append(
          run.optimized() != null
              ? "What the plans still show with the accepted set applied:\n\n"
              : "What the baseline's plans show (no candidate was accepted):\n\n");
      lines.forEach(l -> out.append("- ").append(l).append('\n'));
      out.append('\n');
    }
    out.append(apiRewrites());
    return out.toString();
  }

  private String where(String id, StatementCapture s) {
    return MarkdownText.text(run.routeName(id)) + ", statement " + (s.index() + 1);
  }

  private java.util.Optional<String> offsetWalk(String id, StatementCapture s) {
    if (s.sql() == null || !OFFSET.matcher(s.sql()).find()) {
      return java.util.Optional.empty();
    }
    return PlanText.limitWalk(s.planText())
        .filter(PlanText.LimitWalk::walks)
        .map(
            w ->
                where(id, s)
                    + ": its Limit keeps "
                    + ReportFormat.grouped(w.kept())
                    + " of the "
                    + ReportFormat.grouped(w.produced())
                    + " rows its input produced in the plan shown: OFFSET walks past and throws"
                    + " away "
                    + ReportFormat.grouped(w.discarded())
                    + " rows in that call, more the deeper the page. No index removes that walk;"
                    + " keyset pagination (the client sends the last key it saw, the query asks"
                    + " for rows after it in key order) does, and it changes the API.");
  }

  private String apiRewrites() {
    List<String> lines = new ArrayList<>();
    for (CandidateResult c : run.candidates()) {
      if (!RunIndex.changesApi(c)) {
        continue;
      }
      for (RouteDelta d : RunIndex.deltas(c)) {
        StringBuilder s = new StringBuilder();
        s.append(MarkdownText.link(c.id(), run.pageOf(c)))
            .append(", ")
            .append(MarkdownText.text(run.routeName(d.route())))
            .append(": if the API changes, EXPLAIN ")
            .append(run.wording().explainFromTo(d.explainBeforeMs(), d.explainAfterMs()));
        if (d.jmh() != null) {
          s.append("; JMH median ")
              .append(
                  ChangeWording.fromTo(
                      d.jmh().medianBefore(),
                      d.jmh().medianAfter(),
                      ChangeWording.verdict(d.jmh())))
              .append(" (")
              .append(ChangeWording.samples(d.jmh().nBefore(), d.jmh().nAfter(), null))
              .append(')');
        }
        lines.add(s.append('.').toString());
      }
    }
    if (lines.isEmpty()) {
      return "";
    }
    return "Rewrites that change what the route returns (measured, never part of the accepted set,"
        + " no equivalence check since the rows differ by design):\n\n- "
        + String.join("\n- ", lines)
        + "\n\n";
  }
}
