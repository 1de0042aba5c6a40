package dev.indexlab.report;

import dev.indexlab.report.ChangeWording.Verdict;
import dev.indexlab.scenario.RunResults.CandidateResult;
import dev.indexlab.scenario.RunResults.Meta;
import dev.indexlab.scenario.RunResults.ScenarioResult;
import dev.indexlab.scenario.RunResults.Timing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's front page ({@code README.md}): what was measured and how, the route table before
 * and after, the charts, the candidates with their decisions, and links to every write-up.
 */
final class SummaryPage {
  private final RunIndex run;
  private final boolean routeTimesChart;
  private final boolean distributionChart;
  private final int planFiles;

  SummaryPage(RunIndex run, boolean routeTimesChart, boolean distributionChart, int planFiles) {
    this.run = run;
    this.routeTimesChart = routeTimesChart;
    this.distributionChart = distributionChart;
    this.planFiles = planFiles;
  }

  String render() {
    Meta meta = run.results().meta();
    RouteTable routes = new RouteTable(run);
    String table = routes.render();
    StringBuilder out = new StringBuilder();
    out.append("# ")
        .append(MarkdownText.text(nonBlank(meta.workload(), "Workload")))
        .append(": route times before and after indexlab\n\n");
    out.append(lead(meta, routes.verdicts())).append("\n\n");
    out.append("## How this was measured\n\n").append(SetupTable.render(meta)).append('\n');
    out.append("## Route times\n\n");
    out.append(
        "Mean and 95th percentile time per call of each route under JMH (SampleTime mode, all"
            + " statements of the route in one transaction), in milliseconds. **Baseline** is the"
            + " schema as shipped; **optimized** has every accepted candidate applied together, on"
            + " the same seeded data. "
            + (meta.sideBySide()
                ? "The routes the accepted candidates can change were measured side by side at the"
                    + " end of the run, route by route (one right after the other, alternating"
                    + " which went first), so that both figures of a route saw the same machine. "
                : "The baseline was measured at the start of the run and the optimized scenario at"
                    + " its end, on the one database. ")
            + "A change counts when the two"
            + " means' 99.9% confidence intervals do not overlap and the route's EXPLAIN median"
            + " moves the same way (by 10% and 0.02 ms or more); \"much faster\" means at least"
            + " 90% less time.\n\n");
    out.append(table).append('\n');
    if (routeTimesChart) {
      out.append("![Mean time per route call, baseline and optimized, log scale](")
          .append(ReportCharts.ROUTE_TIMES)
          .append(")\n\n");
    }
    if (distributionChart) {
      out.append("![Latency distribution of the routes that changed most, log scale](")
          .append(ReportCharts.DISTRIBUTION)
          .append(")\n\n");
    } else {
      out.append(
          "_No latency distribution chart: the run has no optimized scenario or no"
              + " latency histograms._\n\n");
    }
    out.append(candidates());
    out.append(writeups());
    out.append(problems());
    out.append(files());
    return out.toString();
  }

  private String lead(Meta meta, Map<Verdict, Integer> verdicts) {
    ScenarioResult baseline = run.baseline();
    int routeCount = baseline == null || baseline.routes() == null ? 0 : baseline.routes().size();
    List<CandidateResult> candidates = run.candidates();
    long accepted = candidates.stream().filter(RunIndex::accepted).count();
    StringBuilder s = new StringBuilder();
    s.append("indexlab measured ")
        .append(routeCount)
        .append(routeCount == 1 ? " route" : " routes")
        .append(" of the ")
        .append(MarkdownText.text(nonBlank(meta.workload(), "unnamed")))
        .append(" workload at scale ")
        .append(plain(meta.scale()))
        .append(" on ")
        .append(
            MarkdownText.text(nonBlank(meta.postgresVersion(), "an unknown PostgreSQL version")))
        .append(", evaluated ")
        .append(candidates.size())
        .append(candidates.size() == 1 ? " candidate" : " candidates")
        .append(" and accepted ")
        .append(accepted)
        .append('.');
    if (run.optimized() == null) {
      s.append(" No optimized scenario was run, so the table shows the baseline only.");
      return s.toString();
    }
    int faster =
        verdicts.getOrDefault(Verdict.FASTER, 0) + verdicts.getOrDefault(Verdict.MUCH_FASTER, 0);
    s.append(" With the accepted candidates applied together, ")
        .append(count(faster, "route got", "routes got"))
        .append(" faster (")
        .append(verdicts.getOrDefault(Verdict.MUCH_FASTER, 0))
        .append(" of them by 90% or more), ")
        .append(count(verdicts.getOrDefault(Verdict.NO_CHANGE, 0), "route showed", "routes showed"))
        .append(" no measurable change, ")
        .append(
            count(
                verdicts.getOrDefault(Verdict.SLOWER, 0)
                    + verdicts.getOrDefault(Verdict.MUCH_SLOWER, 0),
                "route got",
                "routes got"))
        .append(" slower and ")
        .append(count(verdicts.getOrDefault(Verdict.MISSING, 0), "route", "routes"))
        .append(" could not be compared.");
    biggest().ifPresent(b -> s.append(' ').append(b));
    return s.toString();
  }

  /** "The biggest change: ROUTE, from X to Y, a Z% improvement." */
  private Optional<String> biggest() {
    String best = null;
    double bestSize = 0;
    Timing bestBefore = null;
    Timing bestAfter = null;
    for (String id : new RouteTable(run).routeIds()) {
      Timing before = RouteTable.timing(RunIndex.route(run.baseline(), id));
      Timing after = RouteTable.timing(RunIndex.route(run.optimized(), id));
      if (before == null || after == null || !(before.mean() > 0) || !(after.mean() > 0)) {
        continue;
      }
      double size = Math.abs(Math.log(after.mean() / before.mean()));
      if (size > bestSize) {
        best = id;
        bestSize = size;
        bestBefore = before;
        bestAfter = after;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    boolean apart =
        ChangeWording.intervalsApart(
            bestBefore.mean(), bestBefore.error(), bestAfter.mean(), bestAfter.error());
    Verdict v = ChangeWording.verdict(bestBefore.mean(), bestAfter.mean(), apart);
    return Optional.of(
        "The biggest change: "
            + MarkdownText.text(run.routeName(best))
            + ", "
            + ChangeWording.fromTo(bestBefore.mean(), bestAfter.mean(), v)
            + " (JMH mean).");
  }

  private String candidates() {
    StringBuilder out = new StringBuilder("## Candidates\n\n");
    List<CandidateResult> all = run.candidates();
    if (all.isEmpty()) {
      return out.append("No candidate was evaluated.\n\n").toString();
    }
    out.append(
        "Each candidate was measured on its own against the baseline. A candidate rejected there was"
            + " measured again on top of the accepted set (\"on top of the accepted set\" in its"
            + " reason), since candidates interact; a plain index that an accepted one already"
            + " provides is left out. Accepted ones are ranked by the time they save across the"
            + " weighted workload (route weight × time saved per call).\n\n");
    List<CandidateResult> accepted = all.stream().filter(RunIndex::accepted).toList();
    List<CandidateResult> rejected = all.stream().filter(c -> !RunIndex.accepted(c)).toList();
    out.append("### Accepted (").append(accepted.size()).append(")\n\n");
    if (accepted.isEmpty()) {
      out.append("None.\n");
    }
    for (CandidateResult c : accepted) {
      out.append("- ")
          .append(title(c))
          .append(": ")
          .append(reason(c))
          .append("; saves ")
          .append(ReportFormat.msWithUnit(RunIndex.saved(c)))
          .append(" per minute of weighted workload.\n");
    }
    out.append("\n### Rejected (").append(rejected.size()).append(")\n\n");
    if (rejected.isEmpty()) {
      out.append("None.\n");
    }
    for (CandidateResult c : rejected) {
      out.append("- ").append(title(c)).append(": ").append(reason(c)).append(".\n");
    }
    return out.append('\n').toString();
  }

  private String title(CandidateResult c) {
    return MarkdownText.link(c.id(), run.pageOf(c))
        + " ("
        + text(nonBlank(c.kind(), "candidate"))
        + ")";
  }

  private static String reason(CandidateResult c) {
    String reason = c.decision() == null ? null : c.decision().reason();
    return reason == null || reason.isBlank()
        ? "no reason recorded"
        : MarkdownText.text(strip(reason));
  }

  private String writeups() {
    StringBuilder out = new StringBuilder("## Write-ups\n\n");
    for (CandidateResult c : run.candidates()) {
      out.append("- ")
          .append(MarkdownText.link(nonBlank(c.description(), c.id()), run.pageOf(c)))
          .append(RunIndex.accepted(c) ? " (accepted)" : " (rejected)")
          .append('\n');
    }
    out.append("- ")
        .append(MarkdownText.link("Every route, statement by statement", RoutesPage.FILE))
        .append(": SQL, EXPLAIN times, findings and plans before and after\n\n");
    return out.toString();
  }

  private String problems() {
    List<String> lines = new ArrayList<>();
    for (ScenarioResult s : run.scenarios()) {
      if (s.errors() != null) {
        for (String e : s.errors()) {
          lines.add("- " + MarkdownText.text(s.name()) + ": " + MarkdownText.text(e));
        }
      }
    }
    for (CandidateResult c : run.candidates()) {
      if (c.build() != null && c.build().error() != null) {
        lines.add(
            "- "
                + MarkdownText.text(c.id())
                + ": build failed: "
                + MarkdownText.text(c.build().error()));
      }
    }
    if (lines.isEmpty()) {
      return "";
    }
    return "## Problems during the run\n\n" + String.join("\n", lines) + "\n\n";
  }

  private String files() {
    return "## Files\n\n"
        + "- "
        + MarkdownText.link(RunResultsJson.FILE_NAME, RunResultsJson.FILE_NAME)
        + ": everything these pages show, machine-readable.\n"
        + "- "
        + (planFiles > 0
            ? planFiles
                + " plan JSON files under `plans/`, loadable as is by plan visualizers such as pev2, linked from the write-ups.\n"
            : "No plan JSON files were saved with this run.\n")
        + "- Rebuild these pages from the saved results without a database: `indexlab report --from <this directory>`.\n";
  }

  static String text(String s) {
    return s == null || s.isBlank() ? "not recorded" : MarkdownText.text(strip(s));
  }

  private static String strip(String s) {
    return s.strip().replaceAll("\\s*\\n\\s*", " ");
  }

  static String nonBlank(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }

  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** A scale or other double without a useless ".0": 1.0 → "1", 0.25 → "0.25". */
  static String plain(double value) {
    if (!Double.isFinite(value)) {
      return ReportFormat.NOT_AVAILABLE;
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
