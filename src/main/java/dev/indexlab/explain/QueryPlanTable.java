package dev.indexlab.explain;

import java.util.ArrayList;
import java.util.List;

/**
 * A text plan as a one-column markdown table headed {@code QUERY PLAN}, one row per line, padded so
 * the pipes align in the source (the layout of the team's write-up). Pipes inside a line are
 * escaped so they stay in the cell.
 *
 * <pre>{@code
 * String md = QueryPlanTable.markdown(PlanTextRenderer.lines(plan));
 * }</pre>
 */
public final class QueryPlanTable {
  private static final String HEADER = "QUERY PLAN";

  private QueryPlanTable() {}

  /** The table, lines joined with '\n', ending with a newline. */
  public static String markdown(List<String> planLines) {
    List<String> cells = new ArrayList<>();
    int width = HEADER.length();
    for (String line : planLines) {
      String cell = line.replace("\\", "\\\\").replace("|", "\\|");
      cells.add(cell);
      width = Math.max(width, cell.length());
    }
    StringBuilder b = new StringBuilder();
    row(b, HEADER, width);
    row(b, "-".repeat(width), width);
    for (String cell : cells) {
      row(b, cell, width);
    }
    return b.toString();
  }

  /** The table of a plan's text rendering. */
  public static String markdown(Plan plan) {
    return markdown(PlanTextRenderer.lines(plan));
  }

  private static void row(StringBuilder b, String cell, int width) {
    b.append("| ").append(cell).append(" ".repeat(width - cell.length())).append(" |\n");
  }
}
