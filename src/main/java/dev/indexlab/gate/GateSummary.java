package dev.indexlab.gate;

import dev.indexlab.stats.Numbers;
import dev.indexlab.stats.RatioOfMedians;
import dev.indexlab.stats.Significance;
import dev.indexlab.text.MarkdownTable;
import dev.indexlab.text.MarkdownTable.Column;
import dev.indexlab.text.ReportFormat;
import java.util.List;
import java.util.Locale;

/**
 * The gate's markdown summary, as GitHub shows it on a workflow run's page ({@code
 * $GITHUB_STEP_SUMMARY}): the verdict, a table of every route, each regression with its plan lines
 * before and after, improvements, notes, and how the gate decides.
 */
final class GateSummary {
  /** The test the gate's time rule applies ({@link GateThresholds#significance()}). */
  private static final RatioOfMedians TEST = GateThresholds.defaults().significance().test();

  private GateSummary() {}

  /**
   * The summary of {@code outcome}, headed by {@code command} ({@code indexlab gate}, {@code
   * indexlab upgrade-check}).
   *
   * @param compared one sentence saying what was compared with what
   */
  public static String render(GateOutcome outcome, String compared, String command) {
    StringBuilder md = new StringBuilder();
    md.append("## ")
        .append(command)
        .append(": ")
        .append(outcome.exitCode() == GateOutcome.PASSED ? "PASS" : "FAIL")
        .append("\n\n");
    md.append('`').append(outcome.verdictLine(command)).append("`\n\n");
    md.append(compared).append("\n\n");
    if (!outcome.timeBasis().isEmpty()) {
      md.append("Time: ").append(outcome.timeBasis()).append(".\n\n");
    }
    MarkdownTable table =
        new MarkdownTable(
            Column.left("Route"),
            Column.left("Verdict"),
            Column.right("Median before (ms)"),
            Column.right("Median now (ms)"),
            Column.right("Time ratio (" + Numbers.plain(100 * TEST.level()) + "% CI)"),
            Column.right("Shared buffers before → now"));
    for (RouteVerdict r : outcome.routes()) {
      table.row(
          "`" + r.id() + "`",
          verdict(r),
          ReportFormat.ms(r.medianBeforeMs()),
          ReportFormat.ms(r.medianAfterMs()),
          r.timings().isEmpty() ? ReportFormat.NOT_AVAILABLE : ratioAndInterval(r),
          r.buffersBefore() < 0 || r.buffersAfter() < 0
              ? ReportFormat.NOT_AVAILABLE
              : ReportFormat.grouped(r.buffersBefore())
                  + " → "
                  + ReportFormat.grouped(r.buffersAfter()));
    }
    md.append(table.render()).append('\n');
    List<RouteVerdict> failed = outcome.regressions();
    if (!failed.isEmpty()) {
      md.append("### Regressions\n\n");
      for (RouteVerdict r : failed) {
        md.append("#### `").append(r.id()).append("` (").append(r.name()).append(")\n\n");
        for (GateFinding f : r.findings()) {
          md.append("- ")
              .append(f.statement() == null ? "" : f.statement() + ": ")
              .append(f.message())
              .append('\n');
          if (!f.before().isEmpty() || !f.after().isEmpty()) {
            md.append("\n```text\nbefore:\n");
            f.before().forEach(l -> md.append("  ").append(l).append('\n'));
            md.append("after:\n");
            f.after().forEach(l -> md.append("  ").append(l).append('\n'));
            md.append("```\n\n");
          }
        }
        md.append('\n');
      }
    }
    List<RouteVerdict> twice = outcome.routes().stream().filter(RouteVerdict::remeasured).toList();
    if (!twice.isEmpty()) {
      md.append("### Measured twice (time only: plan and buffers unchanged)\n\n");
      for (RouteVerdict r : twice) {
        md.append("- `")
            .append(r.id())
            .append("`: ")
            .append(r.regressed() ? "**confirmed**, fails" : "cleared, passes")
            .append('\n');
        r.timings().forEach(t -> md.append("  - ").append(t.describe()).append('\n'));
      }
      md.append('\n');
    }
    StringBuilder better = new StringBuilder();
    for (RouteVerdict r : outcome.routes()) {
      r.improvements()
          .forEach(i -> better.append("- `").append(r.id()).append("`: ").append(i).append('\n'));
    }
    if (better.length() > 0) {
      md.append("### Improvements\n\n").append(better).append('\n');
    }
    StringBuilder notes = new StringBuilder();
    outcome.notes().stream()
        .filter(n -> !n.equals(outcome.timeBasis()))
        .forEach(n -> notes.append("- ").append(n).append('\n'));
    for (RouteVerdict r : outcome.routes()) {
      r.notes()
          .forEach(n -> notes.append("- `").append(r.id()).append("`: ").append(n).append('\n'));
    }
    if (notes.length() > 0) {
      md.append("### Notes\n\n").append(notes).append('\n');
    }
    md.append(method(TEST, TimeRule.Z));
    return md.toString();
  }

  private static String verdict(RouteVerdict r) {
    return switch (r.status()) {
      case PASS ->
          r.remeasured()
              ? "pass (time only: cleared by a second measurement)"
              : r.improvements().isEmpty() ? "pass" : "pass (improved)";
      case FAIL -> "**FAIL**: " + r.headline();
      case ERROR -> "**ERROR**: fails now";
      case ADDED -> "added";
      case REMOVED -> "removed";
      case SKIPPED -> "not compared";
    };
  }

  /**
   * The first measurement's ratio of medians and its interval, e.g. {@code ×1.91 (×1.80–×1.95)}.
   */
  private static String ratioAndInterval(RouteVerdict r) {
    Significance.Change c = r.timings().get(0).change();
    return String.format(Locale.ROOT, "×%.2f (×%.2f–×%.2f)", c.ratio(), c.ciLow(), c.ciHigh());
  }

  /**
   * How the gate decides, for the reader of the summary: the figures are {@code test}'s level and
   * alpha and {@code z}, the standard errors of run noise an effect must clear.
   */
  static String method(RatioOfMedians test, double z) {
    return "<details><summary>How the gate decides</summary>\n\n"
        + "- **Plans** (deterministic for a fixed seed): each statement is explained with the"
        + " same few parameter draws, foreign-key cascades included. A sequential scan of a"
        + " large table that was not scanned sequentially before, an index no longer used, or a"
        + " new sort/hash spilling to disk fails the route.\n"
        + "- **Buffers** (deterministic for a fixed seed and plan): shared buffers (hit + read)"
        + " per execution, median over the draws; a rise beyond the buffers threshold fails.\n"
        + "- **Time** (statistical): ratio of median latencies now/before over the JMH"
        + " samples. A route is slower only when (1) the "
        + Numbers.plain(100 * test.level())
        + "% percentile-bootstrap interval of the ratio lies wholly beyond the threshold, a"
        + " Mann-Whitney U test gives p < "
        + Numbers.plain(test.alpha())
        + " and the medians are at least the threshold in ms per call apart, and (2) the ratio"
        + " also clears the threshold by "
        + Numbers.plain(z)
        + " standard errors of the run-to-run noise this run"
        + " shows (against a baseline: the spread of the ratios of the routes whose plans and"
        + " buffers did not change, after dividing by their median, the machine factor; in an"
        + " A/B run: the spread of the rounds). Improvements likewise.\n"
        + "- **Time only** (plans and buffers unchanged): such a route is measured a second"
        + " time before it fails (against a baseline alternating with the unchanged route"
        + " nearest to it in speed, whose own ratio then stands for the machine's state), and"
        + " fails only when both measurements call it slower. A plan or buffers regression"
        + " fails without a second measurement.\n"
        + "</details>\n";
  }
}
