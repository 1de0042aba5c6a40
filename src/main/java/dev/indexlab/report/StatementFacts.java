package dev.indexlab.report;

import dev.indexlab.results.Finding;
import dev.indexlab.results.FindingKind;
import dev.indexlab.results.RunResults.StatementCapture;
import dev.indexlab.results.RunResults.Trigger;
import dev.indexlab.text.MarkdownTable;
import dev.indexlab.text.ReportFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "What indexlab noticed" about one captured statement, in plain words with its numbers: where the
 * execution time went between the statement and its constraint triggers, the findings, a sequential
 * scan that threw most rows away, a sort that spilled to disk. Every sentence is built from the
 * capture; what the capture lacks is left out or said to be missing.
 */
final class StatementFacts {
  private StatementFacts() {}

  /** The execution time of the plan shown (its "Execution Time"), else the median of the draws. */
  static double planExecutionMs(StatementCapture s) {
    double fromPlan = PlanText.executionMs(s.planText());
    return Double.isFinite(fromPlan) ? fromPlan : s.medianExecutionMs();
  }

  /** Triggers, slowest first (by name on ties). */
  static List<Trigger> triggers(StatementCapture s) {
    List<Trigger> list = new ArrayList<>(s.triggers() == null ? List.of() : s.triggers());
    list.sort(
        Comparator.comparingDouble((Trigger t) -> -t.timeMs())
            .thenComparing(Trigger::name, Comparator.nullsFirst(Comparator.naturalOrder())));
    return list;
  }

  /** The paragraphs and tables saying what was noticed, as markdown. */
  static String render(StatementCapture s) {
    StringBuilder out = new StringBuilder();
    List<Trigger> triggers = triggers(s);
    if (!triggers.isEmpty()) {
      out.append(triggerSentence(s, triggers)).append("\n\n");
      out.append(triggerTable(s, triggers)).append('\n');
    }
    boolean planSaysIt = PlanText.mostFiltering(s.planText()).isPresent();
    // a scan the plan below already describes, from the plan's own figures, is not said twice
    // (the finding's counts of a parallel scan are per-process figures)
    List<Finding> findings =
        s.findings() == null
            ? List.of()
            : s.findings().stream()
                .filter(
                    f ->
                        !(planSaysIt
                            && f.kind() == FindingKind.SEQ_SCAN_REMOVES_MOST_ROWS
                            && f.drillDown() == null))
                .toList();
    if (!findings.isEmpty()) {
      out.append("indexlab's findings for this statement:\n\n");
      for (Finding f : findings) {
        out.append("- ").append(findingLine(f)).append('\n');
      }
      out.append('\n');
    }
    PlanText.mostFiltering(s.planText())
        .ifPresent(
            scan -> out.append("In the plan above, ").append(filterSentence(scan)).append("\n\n"));
    PlanText.limitWalk(s.planText())
        .filter(PlanText.LimitWalk::walks)
        .ifPresent(
            w ->
                out.append("The Limit keeps ")
                    .append(ReportFormat.grouped(w.kept()))
                    .append(" of the ")
                    .append(ReportFormat.grouped(w.produced()))
                    .append(" rows its input produced: the other ")
                    .append(ReportFormat.grouped(w.discarded()))
                    .append(
                        " were read and thrown away in this call (an OFFSET walks past them; no"
                            + " index avoids that, keyset pagination does).\n\n"));
    long spill = PlanText.sortSpillKb(s.planText());
    if (spill >= 0) {
      out.append("A sort spilled ")
          .append(ReportFormat.bytes(spill * 1024))
          .append(" to disk (it needed more than `work_mem`).\n\n");
    }
    if (out.length() == 0) {
      out.append("indexlab flagged nothing in this plan: no trigger time, no finding.\n\n");
    }
    return out.toString();
  }

  /**
   * "The delete itself took 0.04 ms; 61.9 ms of the 62.5 ms went to the trigger for
   * song_history_user_id_fkey (99.1%)."
   */
  static String triggerSentence(StatementCapture s, List<Trigger> triggers) {
    double exec = planExecutionMs(s);
    double triggerTotal = triggers.stream().mapToDouble(Trigger::timeMs).sum();
    Trigger top = triggers.get(0);
    StringBuilder out = new StringBuilder("In the plan above, ");
    if (ChangeWording.present(exec) && exec >= triggerTotal) {
      out.append(operation(s.planText()))
          .append(" itself took ")
          .append(ReportFormat.msWithUnit(exec - triggerTotal))
          .append("; ")
          .append(ReportFormat.msWithUnit(top.timeMs()))
          .append(" of the ")
          .append(ReportFormat.msWithUnit(exec))
          .append(" went to the trigger for ")
          .append(MarkdownText.code(top.name()))
          .append(" (")
          .append(ChangeWording.share(top.timeMs() / exec))
          .append(").");
    } else {
      out.append("the trigger for ")
          .append(MarkdownText.code(top.name()))
          .append(" took ")
          .append(ReportFormat.msWithUnit(top.timeMs()))
          .append(" (the plan's execution time was not recorded).");
    }
    if (triggers.size() > 1) {
      double rest = triggerTotal - top.timeMs();
      out.append(" The other ")
          .append(triggers.size() - 1)
          .append(triggers.size() == 2 ? " trigger took " : " triggers took ")
          .append(ReportFormat.msWithUnit(rest))
          .append(triggers.size() == 2 ? "." : " together.");
    }
    out.append(
        " Each trigger runs the referential action of a foreign key that points at the changed"
            + " rows, so the time is spent in other tables.");
    return out.toString();
  }

  private static String triggerTable(StatementCapture s, List<Trigger> triggers) {
    double exec = planExecutionMs(s);
    MarkdownTable table =
        new MarkdownTable(
            MarkdownTable.Column.left("Trigger for constraint"),
            MarkdownTable.Column.left("On"),
            MarkdownTable.Column.right("Time (ms)"),
            MarkdownTable.Column.right("Calls"),
            MarkdownTable.Column.right("Share of execution"));
    for (Trigger t : triggers) {
      table.row(
          MarkdownText.text(t.name()),
          MarkdownText.text(t.relation()),
          ReportFormat.ms(t.timeMs()),
          ReportFormat.grouped(t.calls()),
          ChangeWording.present(exec) && exec > 0
              ? ChangeWording.share(t.timeMs() / exec)
              : ReportFormat.NOT_AVAILABLE);
    }
    return table.render();
  }

  /**
   * "the Seq Scan on `song_history` reads 919,039 rows and its filter throws away 917,852 (99.9%)
   * to keep 1,187."
   */
  static String filterSentence(PlanText.FilteringNode node) {
    String share =
        node.read() > 0
            ? " (" + ChangeWording.share((double) node.removed() / node.read()) + ")"
            : "";
    if (node.parallel()) {
      // rows per process are printed rounded: the totals are per-loop figures times loops
      return "the "
          + label(node.label())
          + ", run by "
          + node.loops()
          + " processes (the leader and "
          + (node.loops() - 1)
          + (node.loops() == 2 ? " worker" : " workers")
          + "), reads about "
          + ReportFormat.grouped(node.read())
          + " rows and its filter throws away about "
          + ReportFormat.grouped(node.removed())
          + share
          + " to keep about "
          + ReportFormat.grouped(node.rows())
          + " (PostgreSQL prints each process's rows as a rounded average, so these are that"
          + " average times "
          + node.loops()
          + "; the processes run at the same time, so the time is the statement's own Execution"
          + " Time, not a sum over them).";
    }
    return "the "
        + label(node.label())
        + " reads "
        + ReportFormat.grouped(node.read())
        + " rows and its filter throws away "
        + ReportFormat.grouped(node.removed())
        + share
        + " to keep "
        + ReportFormat.grouped(node.rows())
        + ".";
  }

  /** "Seq Scan on `song_history`" from "Seq Scan on song_history" (alias kept as written). */
  private static String label(String nodeLabel) {
    int on = nodeLabel.indexOf(" on ");
    if (on < 0) {
      return MarkdownText.text(nodeLabel);
    }
    String[] target = nodeLabel.substring(on + 4).split(" ", 2);
    return MarkdownText.text(nodeLabel.substring(0, on))
        + " on "
        + MarkdownText.code(target[0])
        + (target.length > 1 ? " " + MarkdownText.text(target[1]) : "");
  }

  private static String findingLine(Finding f) {
    String kind = f.kind() == null ? "" : MarkdownText.code(f.kind().name()) + " ";
    if (f.message() != null && !f.message().isBlank()) {
      return kind + MarkdownText.text(f.message().strip());
    }
    StringBuilder s = new StringBuilder(kind);
    if (f.nodePath() != null) {
      s.append(MarkdownText.text(f.place()));
    }
    if (f.relation() != null) {
      s.append(" on ").append(MarkdownText.code(f.relation()));
    }
    if (f.numbers() != null && !f.numbers().isEmpty()) {
      List<String> parts = new ArrayList<>();
      new java.util.TreeMap<>(f.numbers())
          .forEach((k, v) -> parts.add(MarkdownText.text(k) + " " + number(v)));
      s.append(" (").append(String.join(", ", parts)).append(')');
    }
    return s.toString().strip();
  }

  private static String number(Number n) {
    Double v = n == null ? null : n.doubleValue();
    if (v == null || !Double.isFinite(v)) {
      return ReportFormat.NOT_AVAILABLE;
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? ReportFormat.grouped(v.longValue())
        : ReportFormat.ms(v);
  }

  /** "The delete" for a plan whose top node is "Delete on …", likewise update and insert. */
  static String operation(String planText) {
    List<String> lines = PlanText.lines(planText);
    String top = lines.isEmpty() ? "" : lines.get(0).strip().toLowerCase(Locale.ROOT);
    for (String op : new String[] {"delete", "update", "insert", "merge"}) {
      if (top.startsWith(op + " on ")) {
        return "the " + op;
      }
    }
    return "the statement";
  }
}
