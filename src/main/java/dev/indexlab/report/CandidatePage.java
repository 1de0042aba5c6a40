package dev.indexlab.report;

import dev.indexlab.report.ChangeWording.Verdict;
import dev.indexlab.results.RunResults.Build;
import dev.indexlab.results.RunResults.CandidateResult;
import dev.indexlab.results.RunResults.RouteDelta;
import dev.indexlab.results.RunResults.RouteResult;
import dev.indexlab.results.RunResults.WhatIf;
import dev.indexlab.text.MarkdownTable;
import dev.indexlab.text.MarkdownTable.Column;
import dev.indexlab.text.ReportFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * One candidate's write-up ({@code <candidate-id>.md}): its decision and reasons, the story of
 * every route it made faster, every route it was measured on, the write overhead it puts on the
 * routes that write the indexed table, and what it costs to build and keep.
 */
final class CandidatePage {
  private final RunIndex run;
  private final CandidateResult candidate;
  private final PlanFiles plans;

  CandidatePage(RunIndex run, CandidateResult candidate, PlanFiles plans) {
    this.run = run;
    this.candidate = candidate;
    this.plans = plans;
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append("# ")
        .append(MarkdownText.text(SummaryPage.nonBlank(candidate.description(), candidate.id())))
        .append("\n\n");
    out.append(decision()).append("\n\n");
    out.append(reasons());
    RouteAnalysis analysis = new RouteAnalysis(run, candidate, plans);
    List<RouteDelta> stories = analysis.routes();
    if (stories.isEmpty()) {
      out.append("## The candidate\n\n")
          .append(new CandidateSql(candidate).render(null, null))
          .append(
              "No route got measurably faster with this candidate, so there is no before and after"
                  + " plan to show; the table below has every route it was measured on.\n\n");
    }
    for (int i = 0; i < stories.size(); i++) {
      out.append(analysis.render(stories.get(i), i == 0));
    }
    out.append(deltas());
    out.append(writeOverhead());
    out.append(costs());
    out.append("---\n\n")
        .append(MarkdownText.link("Back to the summary", "README.md"))
        .append('\n');
    return out.toString();
  }

  private String decision() {
    String which =
        "Candidate "
            + MarkdownText.code(candidate.id())
            + " ("
            + MarkdownText.code(SummaryPage.nonBlank(candidate.kind(), "candidate"))
            + "): ";
    if (candidate.decision() == null) {
      return which + "no decision was recorded.";
    }
    String decided = which + SummaryPage.text(candidate.decision().reason()) + ".";
    if (RunIndex.accepted(candidate)) {
      return "**Accepted.** "
          + decided
          + " Weighted saving: "
          + ReportFormat.msWithUnit(RunIndex.saved(candidate))
          + " per minute (route weight × median time saved per call, summed over the routes it"
          + " made significantly faster)."
          + acceptedDespiteTable();
    }
    if (RunIndex.changesApi(candidate)) {
      return "**Changes the API: measured, never accepted.** " + decided;
    }
    return "**Rejected.** " + decided;
  }

  /**
   * When the page's table (the candidate on its own against the baseline) shows no route the rule
   * calls faster, the sentence that says where the gain that accepted it was measured.
   */
  private String acceptedDespiteTable() {
    boolean anyFaster =
        RunIndex.deltas(candidate).stream()
            .anyMatch(d -> d.usesCandidate() && ChangeWording.verdict(d.jmh()).improved());
    boolean compared = RunIndex.deltas(candidate).stream().anyMatch(d -> d.jmh() != null);
    if (anyFaster || !compared) {
      return "";
    }
    return " No route in the table below, where it was measured on its own against the baseline,"
        + " is significantly faster: the gain that accepted it was measured "
        + (SummaryPage.text(candidate.decision().reason()).contains("on top of the accepted set")
            ? "on its second look, on top of the accepted set, as the reason above says."
            : "as the reason above says.");
  }

  private String reasons() {
    String title = candidate.description() == null ? "" : candidate.description().strip();
    List<String> reasons =
        candidate.reasons() == null
            ? List.of()
            : candidate.reasons().stream().filter(r -> !r.strip().equals(title)).toList();
    if (reasons.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("Why indexlab proposed it:\n\n");
    for (String r : reasons) {
      out.append("- ").append(MarkdownText.text(r.strip())).append('\n');
    }
    return out.append('\n').toString();
  }

  private String deltas() {
    List<RouteDelta> deltas = RunIndex.deltas(candidate);
    StringBuilder out = new StringBuilder("## Every route it was measured on\n\n");
    if (deltas.isEmpty()) {
      return out.append("No route was measured with this candidate.\n\n").toString();
    }
    out.append(
        "Measured on the candidate's own copy against the baseline, when it was evaluated: the"
            + " summary's route table comes from the side-by-side timing at the end of the run, so"
            + " a route's figures here can differ from it. EXPLAIN is the route's EXPLAIN ANALYZE"
            + " time (median of its draws); JMH is the median time per call of the whole route,"
            + " with the samples of each side. The verdict is the significance rule's on the JMH"
            + " samples where JMH timed the route.");
    if (RunIndex.changesApi(candidate)) {
      out.append(
          " A rewrite that changes the API is timed under JMH side by side with a fresh copy of"
              + " the baseline, route by route, with the same parameter draws on both sides (the"
              + " rewrite's parameters drawn to ask for the same page).");
    }
    if (deltas.stream().anyMatch(RouteDelta::untimed)) {
      out.append(
          " Routes without JMH figures were not timed with this candidate: their EXPLAIN"
              + " showed neither a gain the decision rule could accept nor the extra work a"
              + " regression needs besides JMH, so no timing could have changed the decision.");
    }
    out.append(stoppedEarly());
    out.append("\n\n");
    MarkdownTable table =
        new MarkdownTable(
            Column.left("Route"),
            Column.right("EXPLAIN (ms)"),
            Column.right("JMH median (ms)"),
            Column.right("JMH change"),
            Column.right("Samples"),
            Column.right("Buffers"),
            Column.left("Uses it"),
            Column.left("Verdict"));
    for (RouteDelta d : deltas) {
      table.row(
          MarkdownText.text(run.routeName(d.route())),
          ChangeWording.ms(d.explainBeforeMs()) + " → " + ChangeWording.ms(d.explainAfterMs()),
          d.untimed() ? "not timed" : jmh(d, true) + " → " + jmh(d, false),
          jmhChange(d),
          samples(d),
          ReportFormat.grouped(d.buffersBefore()) + " → " + ReportFormat.grouped(d.buffersAfter()),
          d.usesCandidate() ? "yes" : "no",
          verdict(d));
    }
    return out.append(table.render()).append('\n').toString();
  }

  /** A sentence naming the routes whose capture stopped after fewer draws, or nothing. */
  private String stoppedEarly() {
    var scenario = run.scenarioOf(candidate);
    if (scenario == null || scenario.routes() == null) {
      return "";
    }
    List<String> stopped = new ArrayList<>();
    for (var route : scenario.routes()) {
      int here = mostDraws(route);
      int before = mostDraws(RunIndex.route(run.baseline(), route.id()));
      if (route.error() == null && here > 0 && here < before) {
        stopped.add(
            MarkdownText.text(run.routeName(route.id()))
                + " ("
                + SummaryPage.count(here, "draw", "draws")
                + " of "
                + before
                + ")");
      }
    }
    if (stopped.isEmpty()) {
      return "";
    }
    return " EXPLAIN of "
        + String.join(", ", stopped)
        + " stopped early: a draw took over ten times the slowest baseline draw, which no margin"
        + " of the rule allows.";
  }

  private static int mostDraws(RouteResult route) {
    return route == null
        ? 0
        : RunIndex.statements(route).stream().mapToInt(s -> s.draws()).max().orElse(0);
  }

  private String writeOverhead() {
    StringBuilder out = new StringBuilder("## Write overhead\n\n");
    List<RouteDelta> writers =
        RunIndex.deltas(candidate).stream().filter(RouteDelta::writesIndexedTable).toList();
    if (writers.isEmpty()) {
      boolean noDdl = candidate.ddl() == null || candidate.ddl().isEmpty();
      return out.append(
              noDdl
                  ? "The candidate changes no schema, so it adds no write overhead.\n\n"
                  : "No measured route writes a table this candidate indexes, so it adds no write"
                      + " overhead to the workload.\n\n")
          .toString();
    }
    long slower = writers.stream().filter(d -> ChangeWording.verdict(d.jmh()).regressed()).count();
    long moreWal = writers.stream().filter(d -> d.walBytesAfter() > d.walBytesBefore()).count();
    out.append(
            "An index costs every write of its table: each insert adds an entry, each update that")
        .append(
            " is not HOT adds one to every index, and VACUUM removes the entries of deleted rows.")
        .append(" Of the ")
        .append(SummaryPage.count(writers.size(), "route", "routes"))
        .append(writers.size() == 1 ? " that writes" : " that write")
        .append(" the indexed table, ");
    long notTimed = writers.stream().filter(RouteDelta::untimed).count();
    if (notTimed > 0) {
      out.append(notTimed)
          .append(notTimed == 1 ? " was" : " were")
          .append(" not timed under JMH (rejected on EXPLAIN), ");
    }
    out.append(slower)
        .append(" got measurably slower and ")
        .append(moreWal)
        .append(" wrote more WAL per execution.\n\n");
    MarkdownTable table =
        new MarkdownTable(
            Column.left("Route"),
            Column.right("JMH median (ms)"),
            Column.right("Change (ms)"),
            Column.right("WAL per execution"),
            Column.left("HOT updates"),
            Column.left("Verdict"));
    for (RouteDelta d : writers) {
      table.row(
          MarkdownText.text(run.routeName(d.route())),
          d.untimed() ? "not timed" : jmh(d, true) + " → " + jmh(d, false),
          ChangeWording.signedMs(RunIndex.jmhMs(d, true), RunIndex.jmhMs(d, false)),
          ReportFormat.bytes(d.walBytesBefore()) + " → " + ReportFormat.bytes(d.walBytesAfter()),
          hot(d),
          verdict(d));
    }
    return out.append(table.render()).append('\n').toString();
  }

  static String hot(RouteDelta d) {
    Double before = d.hotUpdateShareBefore();
    Double after = d.hotUpdateShareAfter();
    if (before == null || after == null || !Double.isFinite(before) || !Double.isFinite(after)) {
      return "not measured";
    }
    String range = ChangeWording.share(before) + " → " + ChangeWording.share(after);
    if (after < before) {
      return "fewer HOT: " + range;
    }
    return "stayed HOT: " + range;
  }

  private String costs() {
    StringBuilder out = new StringBuilder("## What it costs\n\n");
    Build build = candidate.build();
    boolean drop = isDrop();
    if (drop && build != null && build.error() == null) {
      out.append("- Drop: ")
          .append(seconds(build.millis()))
          .append(
              " on the seeded copy; the index it drops stops costing every write of its table.\n");
    } else if (build == null) {
      out.append("- Build: not recorded.\n");
    } else if (build.error() != null) {
      out.append("- Build: failed: ").append(MarkdownText.text(build.error())).append(".\n");
    } else {
      out.append("- Build: ")
          .append(seconds(build.millis()))
          .append(" on the seeded copy; size on disk ")
          .append(build.bytes() >= 0 ? ReportFormat.bytes(build.bytes()) : "not recorded");
      if (build.indexes() != null && !build.indexes().isEmpty()) {
        out.append(" (")
            .append(String.join(", ", build.indexes().stream().map(MarkdownText::code).toList()))
            .append(')');
      }
      out.append(".\n");
      for (var p : build.partitioned()) {
        out.append("- On the partitioned table ")
            .append(MarkdownText.code(p.table()))
            .append(": ")
            .append(MarkdownText.code(p.index()))
            .append(" spans ")
            .append(SummaryPage.count(p.partitions(), "partition", "partitions"))
            .append(", ")
            .append(ReportFormat.bytes(p.bytes()))
            .append(" in all.\n");
      }
    }
    WhatIf whatIf = candidate.whatIf();
    List<String> whatIfDetails =
        whatIf == null || whatIf.details() == null ? List.of() : whatIf.details();
    if (drop) {
      out.append("- Planner check before building: not applicable to a drop (the plans measured")
          .append(" without the index are the check).\n");
    } else if (whatIfDetails.stream().anyMatch(d -> d.startsWith("hand-written"))) {
      out.append("- Planner check before building: not run; a hand-written candidate is measured")
          .append(" directly.\n");
    } else if (whatIf == null) {
      out.append("- Planner check before building: not recorded.\n");
    } else {
      out.append("- Planner check before building (hypothetical index, EXPLAIN without ANALYZE): ")
          .append(
              whatIf.plannerWouldUse()
                  ? "the planner would use it"
                  : "the planner would not use it");
      List<String> details = whatIf.details() == null ? List.of() : whatIf.details();
      out.append(details.isEmpty() ? ".\n" : ":\n");
      for (String d : details) {
        out.append("  - ").append(MarkdownText.text(d.strip())).append('\n');
      }
    }
    return out.append('\n').toString();
  }

  private boolean isDrop() {
    return candidate.kind() != null
        && candidate.kind().toUpperCase(java.util.Locale.ROOT).startsWith("DROP");
  }

  private static String seconds(long millis) {
    if (millis < 0) {
      return "time not recorded";
    }
    return millis < 1000 ? millis + " ms" : ReportFormat.ms(millis / 1000.0) + " s";
  }

  /** JMH's median (the rule's) of one side, else the mean older results kept. */
  static String jmh(RouteDelta d, boolean before) {
    if (d.untimed()) {
      return "not timed";
    }
    return ChangeWording.ms(RunIndex.jmhMs(d, before)) + (d.jmh() == null ? " (mean)" : "");
  }

  static String jmhChange(RouteDelta d) {
    if (d.untimed()) {
      return "n/a";
    }
    return ChangeWording.signedPercent(RunIndex.jmhMs(d, true), RunIndex.jmhMs(d, false));
  }

  static String samples(RouteDelta d) {
    return d.jmh() == null
        ? "n/a"
        : ReportFormat.grouped(d.jmh().nBefore()) + " / " + ReportFormat.grouped(d.jmh().nAfter());
  }

  /** JMH's verdict on the route, or EXPLAIN's when JMH did not time it. */
  private String verdict(RouteDelta d) {
    if (d.untimed()) {
      Verdict explain = run.wording().explainVerdict(d.explainBeforeMs(), d.explainAfterMs());
      if (explain.improved() && !d.workFellBy(run.wording().rule().minGain())) {
        // the rule counts a gain only where the plans do less work, and these did not
        return "not timed; EXPLAIN time fell, its work by less than "
            + Math.round(100 * run.wording().rule().minGain())
            + "%";
      }
      return "not timed; EXPLAIN: " + explain.words();
    }
    return ChangeWording.verdict(d.jmh()).words();
  }
}
