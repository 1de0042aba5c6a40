package dev.indexlab.report;

import dev.indexlab.Setting;
import dev.indexlab.report.ChangeWording.Verdict;
import dev.indexlab.results.RunResults.CandidateResult;
import dev.indexlab.results.RunResults.Meta;
import dev.indexlab.results.RunResults.ScenarioResult;
import dev.indexlab.text.ReportFormat;
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
  private final PlanFiles plans;

  SummaryPage(RunIndex run, PlanFiles plans, boolean routeTimesChart, boolean distributionChart) {
    this.run = run;
    this.plans = plans;
    this.routeTimesChart = routeTimesChart;
    this.distributionChart = distributionChart;
  }

  String render() {
    Meta meta = run.results().meta();
    RouteTable routes = new RouteTable(run);
    String table = routes.render();
    List<String> order = new ArrayList<>();
    for (RouteTable.Slot slot : routes.order()) {
      if (slot.routeId() != null) {
        order.add(slot.routeId());
      }
    }
    List<RouteComparison> comparisons = new ArrayList<>();
    order.forEach(id -> comparisons.add(RouteComparison.of(run, id)));
    StringBuilder out = new StringBuilder();
    out.append("# ")
        .append(MarkdownText.text(nonBlank(meta.workload(), "Workload")))
        .append(": route times before and after indexlab\n\n");
    out.append(lead(meta, routes.verdicts(), comparisons)).append("\n\n");
    out.append(stories(comparisons));
    out.append(new ShipList(run).render(comparisons));
    out.append(new UnfixedFindings(run).render(order));
    out.append("## Route times\n\n");
    out.append(
        "Median and 95th percentile time per call of each route under JMH (SampleTime mode, all"
            + " statements of the route in one transaction), in milliseconds, with the number of"
            + " samples each side rests on. **Baseline** is the schema as shipped; **optimized**"
            + " has every accepted candidate applied together, on the same seeded data. "
            + (meta.sideBySide()
                ? "The routes the accepted candidates can change were measured side by side at the"
                    + " end of the run, route by route (one right after the other, alternating"
                    + " which went first), so that both figures of a route saw the same machine. "
                : "The baseline was measured at the start of the run and the optimized scenario at"
                    + " its end, on the one database. ")
            + run.wording().ruleSentence()
            + " \"Much faster\" means at least "
            + ChangeWording.muchFasterPercent()
            + "% less time; a route whose results kept no"
            + " samples (a run older than the rule) is \"not compared: no samples\".\n\n");
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
    out.append("## How this was measured\n\n")
        .append(SetupTable.render(meta, run::flag))
        .append('\n');
    out.append(problems());
    out.append(files());
    return out.toString();
  }

  /** The story of every route the accepted set made significantly faster, in table order. */
  private String stories(List<RouteComparison> comparisons) {
    List<RouteComparison> faster =
        comparisons.stream().filter(c -> c.verdict().improved()).toList();
    if (faster.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("## The slow routes, one by one\n\n");
    out.append(
            "Each route the accepted set made significantly faster under JMH, in the order of the"
                + " route table: its plan before, what indexlab noticed, the fix, the plan after and"
                + " the change. Every candidate has its own page with every route it was measured on;"
                + " ")
        .append(MarkdownText.link("routes.md", RoutesPage.FILE))
        .append(" has every statement's plans.\n\n");
    SlowRouteStory story = new SlowRouteStory(run, plans);
    for (RouteComparison c : faster) {
      out.append(story.render(c.routeId()));
    }
    return out.toString();
  }

  private String lead(Meta meta, Map<Verdict, Integer> verdicts, List<RouteComparison> all) {
    ScenarioResult baseline = run.baseline();
    int routeCount = baseline == null || baseline.routes() == null ? 0 : baseline.routes().size();
    List<CandidateResult> candidates = run.candidates();
    long accepted = candidates.stream().filter(RunIndex::accepted).count();
    StringBuilder s = new StringBuilder();
    s.append("indexlab measured ")
        .append(count(routeCount, "route", "routes"))
        .append(" of the ")
        .append(MarkdownText.text(nonBlank(meta.workload(), "unnamed")))
        .append(" workload at scale ")
        .append(plain(meta.scale()))
        .append(" on ")
        .append(
            meta.postgresVersion() == null || meta.postgresVersion().isBlank()
                ? "an unknown PostgreSQL version"
                : MarkdownText.text(
                    (meta.postgresVersion().startsWith("PostgreSQL") ? "" : "PostgreSQL ")
                        + meta.postgresVersion()))
        .append(", evaluated ")
        .append(count(candidates.size(), "candidate", "candidates"))
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
        .append(" significantly faster (")
        .append(verdicts.getOrDefault(Verdict.MUCH_FASTER, 0))
        .append(" of them by ")
        .append(ChangeWording.muchFasterPercent())
        .append("% or more), ")
        .append(count(verdicts.getOrDefault(Verdict.NO_CHANGE, 0), "route showed", "routes showed"))
        .append(" no measurable change, ")
        .append(
            count(
                verdicts.getOrDefault(Verdict.SLOWER, 0)
                    + verdicts.getOrDefault(Verdict.MUCH_SLOWER, 0),
                "route got",
                "routes got"))
        .append(" slower and ")
        .append(
            count(
                verdicts.getOrDefault(Verdict.MISSING, 0)
                    + verdicts.getOrDefault(Verdict.NOT_COMPARED, 0),
                "route",
                "routes"))
        .append(" could not be compared.");
    biggest(all).ifPresent(b -> s.append(' ').append(b));
    return s.toString();
  }

  /**
   * "The biggest change: ROUTE, from X to Y, a Z% improvement (JMH median, ...)": the largest
   * change of medians among routes whose verdict is a change (never one the rule calls no change).
   */
  private Optional<String> biggest(List<RouteComparison> all) {
    RouteComparison best = null;
    double bestSize = 0;
    for (RouteComparison c : all) {
      if (!c.verdict().changed() || !(c.medianBefore() > 0) || !(c.medianAfter() > 0)) {
        continue;
      }
      double size = Math.abs(Math.log(c.medianAfter() / c.medianBefore()));
      if (size > bestSize) {
        best = c;
        bestSize = size;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    return Optional.of(
        "The biggest change: "
            + MarkdownText.text(run.routeName(best.routeId()))
            + ", "
            + ChangeWording.fromTo(best.medianBefore(), best.medianAfter(), best.verdict())
            + " (JMH median per call, "
            + SlowRouteStory.samples(best)
            + ").");
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
            + " weighted workload: the sum over the routes it made significantly faster of the"
            + " route's weight × the median time saved per call, which is milliseconds saved per"
            + " minute of traffic when the weights are calls per minute. Each name links to the"
            + " candidate's page.\n\n");
    List<CandidateResult> accepted = all.stream().filter(RunIndex::accepted).toList();
    List<CandidateResult> rejected =
        all.stream().filter(c -> !RunIndex.accepted(c) && !RunIndex.changesApi(c)).toList();
    List<CandidateResult> changesApi = all.stream().filter(RunIndex::changesApi).toList();
    out.append("### Accepted (").append(accepted.size()).append(")\n\n");
    if (accepted.isEmpty()) {
      out.append("None.\n");
    }
    for (CandidateResult c : accepted) {
      out.append("- ")
          .append(title(c))
          .append(": ")
          .append(reason(c))
          .append("; weighted saving ")
          .append(ReportFormat.msWithUnit(RunIndex.saved(c)))
          .append(" per minute.\n");
    }
    out.append("\n### Rejected (").append(rejected.size()).append(")\n\n");
    if (rejected.isEmpty()) {
      out.append("None.\n");
    }
    for (CandidateResult c : rejected) {
      out.append("- ").append(title(c)).append(": ").append(reason(c)).append(".\n");
    }
    if (!changesApi.isEmpty()) {
      out.append("\n### Changing the API (")
          .append(changesApi.size())
          .append(")\n\n")
          .append(
              "Rewrites that return other rows by design, so the application has to change with"
                  + " them: measured against the route they replace, never accepted (see What"
                  + " indexes cannot fix).\n\n");
      for (CandidateResult c : changesApi) {
        out.append("- ").append(title(c)).append(": ").append(reason(c)).append(".\n");
      }
    }
    return out.append('\n').toString();
  }

  private String title(CandidateResult c) {
    String description = c.description() == null ? "" : c.description().strip();
    return MarkdownText.link(c.id(), run.pageOf(c))
        + " ("
        + text(nonBlank(c.kind(), "candidate"))
        + (description.isEmpty() || description.startsWith("Index on ")
            ? ""
            : ", " + MarkdownText.text(description))
        + ")";
  }

  private static String reason(CandidateResult c) {
    String reason = c.decision() == null ? null : c.decision().reason();
    return reason == null || reason.isBlank()
        ? "no reason recorded"
        : MarkdownText.text(strip(reason));
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
    int planFiles = plans.copied().size();
    return "## Files\n\n"
        + "- "
        + MarkdownText.link("Every route, statement by statement", RoutesPage.FILE)
        + ": SQL, EXPLAIN times, findings and plans before and after.\n"
        + "- "
        + MarkdownText.link(RunResultsJson.FILE_NAME, RunResultsJson.FILE_NAME)
        + ": everything these pages show, machine-readable.\n"
        + "- "
        + (planFiles > 0
            ? planFiles
                + " plan JSON files under `plans/` (statements and their drilled-down cascades),"
                + " loadable as is by plan visualizers such as pev2, linked from the pages.\n"
            : "No plan JSON files were saved with this run.\n")
        + "- Rebuild these pages from the saved results without a database: `indexlab report "
        + run.flag(Setting.FROM)
        + " <this directory>`.\n";
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
