package dev.indexlab.advise;

import java.util.List;
import java.util.Locale;

/**
 * The what-if for one candidate: a verdict, the indexes the candidate's SQL created or dropped in
 * the rolled-back transaction, each affected statement's costs, and a one-line {@code summary} with
 * the numbers ({@code planner uses song_history_user_id_idx in 1 of 1 statements; cost 18262.05 ->
 * 12.30 (-99.9%)}).
 */
record WhatIfResult(
    Candidate candidate,
    WhatIfVerdict verdict,
    List<String> createdIndexes,
    List<String> droppedIndexes,
    List<StatementWhatIf> statements,
    String summary) {
  public WhatIfResult {
    createdIndexes = List.copyOf(createdIndexes);
    droppedIndexes = List.copyOf(droppedIndexes);
    statements = List.copyOf(statements);
  }

  /**
   * The statements the verdict rests on: for a create, those whose plan uses a new index; for a
   * drop, those whose plan used the dropped index; when there are none, every explained statement.
   */
  public List<StatementWhatIf> relevant() {
    return relevant(statements);
  }

  static List<StatementWhatIf> relevant(List<StatementWhatIf> statements) {
    List<StatementWhatIf> explained =
        statements.stream().filter(StatementWhatIf::explained).toList();
    List<StatementWhatIf> touched =
        explained.stream().filter(s -> s.usesAfter() || s.usedBefore()).toList();
    return touched.isEmpty() ? explained : touched;
  }

  /** Sum of the estimated costs before, over the {@link #relevant()} statements. */
  public double costBefore() {
    return relevant().stream().mapToDouble(StatementWhatIf::costBefore).sum();
  }

  /** Sum of the estimated costs after, over the {@link #relevant()} statements. */
  public double costAfter() {
    return relevant().stream().mapToDouble(StatementWhatIf::costAfter).sum();
  }

  /** The best (most negative) relative cost change of a statement that uses the new index. */
  public double bestChange() {
    return statements.stream()
        .filter(s -> s.explained() && (s.usesAfter() || s.usedBefore()))
        .mapToDouble(StatementWhatIf::change)
        .filter(d -> !Double.isNaN(d))
        .min()
        .orElse(Double.NaN);
  }

  /** {@code 18262.05 -> 12.30 (-99.9%)} for a pair of costs. */
  public static String costChange(double before, double after) {
    String pct =
        before > 0
            ? String.format(Locale.ROOT, " (%+.1f%%)", 100.0 * (after - before) / before)
            : "";
    return String.format(Locale.ROOT, "%.2f -> %.2f%s", before, after, pct);
  }
}
