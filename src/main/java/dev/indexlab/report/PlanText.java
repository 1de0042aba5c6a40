package dev.indexlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the few facts the prose needs from PostgreSQL's text rendering of a plan (the form psql
 * prints for {@code EXPLAIN ANALYZE}): the execution time, the node whose filter threw away the
 * most rows, and a sort that spilled to disk. Anything it cannot find is reported as absent, never
 * guessed.
 */
final class PlanText {
  private static final Pattern EXECUTION = Pattern.compile("^\\s*Execution Time: ([0-9.]+) ms");
  private static final Pattern NODE =
      Pattern.compile(
          "^\\s*(?:->\\s+)?([^(]+?)\\s+\\(cost=.*?actual time=\\S+ rows=([0-9.]+) loops=(\\d+)\\)");
  private static final Pattern REMOVED = Pattern.compile("^\\s*Rows Removed by Filter: (\\d+)");
  private static final Pattern SPILL =
      Pattern.compile("Sort Method: external \\w+\\s+Disk: (\\d+)kB");

  /**
   * A plan node whose filter threw rows away: its label as the plan writes it ({@code Seq Scan on
   * song_history}), the rows it returned and the rows its filter removed, over all loops.
   */
  record FilteringNode(String label, long rows, long removed, long loops) {
    /** Rows read: returned plus removed. */
    long read() {
      return rows + removed;
    }

    /**
     * A node run by a leader and its workers ({@code Parallel ...} with several loops): PostgreSQL
     * prints its rows per process, rounded, so the totals are per-loop figures times loops.
     */
    boolean parallel() {
      return loops > 1 && label.startsWith("Parallel ");
    }
  }

  private PlanText() {}

  /** The plan's lines without trailing blanks; empty for a null plan. */
  static List<String> lines(String planText) {
    List<String> lines = new ArrayList<>();
    if (planText == null) {
      return lines;
    }
    for (String line : planText.replace("\r\n", "\n").split("\n", -1)) {
      lines.add(line.stripTrailing());
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /** The "Execution Time" of the plan in ms, or NaN when the text has none. */
  static double executionMs(String planText) {
    for (String line : lines(planText)) {
      Matcher m = EXECUTION.matcher(line);
      if (m.find()) {
        return Double.parseDouble(m.group(1));
      }
    }
    return Double.NaN;
  }

  /**
   * The node whose filter removed the most rows, judged by the "Rows Removed by Filter" among its
   * own detail lines (those indented deeper than the node, before the next node).
   */
  static Optional<FilteringNode> mostFiltering(String planText) {
    List<String> lines = lines(planText);
    FilteringNode best = null;
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = NODE.matcher(lines.get(i));
      if (!m.find()) {
        continue;
      }
      int depth = indent(lines.get(i));
      long loops = Long.parseLong(m.group(3));
      for (int j = i + 1; j < lines.size(); j++) {
        String detail = lines.get(j);
        if (indent(detail) <= depth || detail.stripLeading().startsWith("->")) {
          break;
        }
        Matcher r = REMOVED.matcher(detail);
        if (r.find()) {
          long removed = Long.parseLong(r.group(1)) * loops;
          if (best == null || removed > best.removed()) {
            best =
                new FilteringNode(
                    m.group(1).strip(),
                    Math.round(Double.parseDouble(m.group(2)) * loops),
                    removed,
                    loops);
          }
          break;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * A Limit node and the rows its input produced: a Limit that returns {@code kept} rows of the
   * {@code produced} its child made walked past the rest (an OFFSET, or a plan that reads ahead).
   * Rows are per loop times loops.
   */
  record LimitWalk(long kept, long produced) {
    long discarded() {
      return produced - kept;
    }

    /** Whether the input made at least ten times the rows kept: a walk the pages point out. */
    boolean walks() {
      return produced >= 10 * Math.max(1, kept);
    }
  }

  /** The first Limit node of the plan and its direct child's rows, if the plan has one. */
  static Optional<LimitWalk> limitWalk(String planText) {
    List<String> lines = lines(planText);
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = NODE.matcher(lines.get(i));
      if (!m.find() || !m.group(1).strip().equals("Limit")) {
        continue;
      }
      long kept = Math.round(Double.parseDouble(m.group(2)) * Long.parseLong(m.group(3)));
      int depth = indent(lines.get(i));
      for (int j = i + 1; j < lines.size(); j++) {
        String line = lines.get(j);
        if (indent(line) <= depth) {
          break;
        }
        Matcher c = NODE.matcher(line);
        if (line.stripLeading().startsWith("->") && c.find()) {
          long produced = Math.round(Double.parseDouble(c.group(2)) * Long.parseLong(c.group(3)));
          return Optional.of(new LimitWalk(kept, produced));
        }
      }
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Kilobytes a sort wrote to disk, or -1 when no sort spilled. */
  static long sortSpillKb(String planText) {
    for (String line : lines(planText)) {
      Matcher m = SPILL.matcher(line);
      if (m.find()) {
        return Long.parseLong(m.group(1));
      }
    }
    return -1;
  }

  /** The number of spaces a plan line starts with: its depth in the plan. */
  static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
