package dev.indexlab.report;

import dev.indexlab.text.MarkdownTable;
import dev.indexlab.text.MarkdownTable.Column;
import java.util.List;
import java.util.Optional;

/**
 * A plan as the write-up shows it: a one-column {@code | QUERY PLAN |} table with one row per line
 * of PostgreSQL's text rendering, pipes escaped and indentation kept, optionally followed by a link
 * to the plan's JSON.
 */
final class PlanTable {
  private PlanTable() {}

  /** The table, or a sentence saying no plan was captured. */
  static String render(String planText) {
    List<String> lines = PlanText.lines(planText);
    if (lines.isEmpty()) {
      return "_No plan was captured for this statement._\n";
    }
    MarkdownTable table = new MarkdownTable(Column.left("QUERY PLAN"));
    for (String line : lines) {
      table.row(MarkdownText.planLine(line));
    }
    return table.render();
  }

  /** The table followed by a "plan JSON (pev2-loadable)" link when the file was saved. */
  static String render(String planText, Optional<String> jsonLink) {
    String table = render(planText);
    return jsonLink
        .map(link -> table + "\n" + MarkdownText.link("plan JSON (pev2-loadable)", link) + "\n")
        .orElse(table);
  }
}
