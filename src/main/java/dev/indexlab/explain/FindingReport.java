package dev.indexlab.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.indexlab.IndexlabException;
import dev.indexlab.Json;
import dev.indexlab.results.Finding;
import java.util.List;

/**
 * Writes findings for machines (JSON, one object per finding with every field) and for people (a
 * short markdown list, one line per finding). The JSON is what {@link FindingsFile} reads back.
 */
final class FindingReport {
  private FindingReport() {}

  /** The findings as a JSON array. */
  public static String json(List<Finding> findings) {
    try {
      return Json.pretty().writeValueAsString(findings) + "\n";
    } catch (JsonProcessingException e) {
      throw new IndexlabException(
          IndexlabException.JOB_FAILED, "cannot write findings as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * A markdown bullet list, e.g. {@code - **SEQ_SCAN_REMOVES_MOST_ROWS** public.song_history
   * (user_id), route users_delete #1, drill-down song_history_user_id_fkey: Seq Scan on ...}.
   */
  public static String markdown(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "No findings.\n";
    }
    StringBuilder b = new StringBuilder();
    for (Finding f : findings) {
      b.append("- **").append(f.kind()).append("**");
      if (f.relation() != null) {
        b.append(' ').append(f.relation());
      }
      if (!f.columns().isEmpty()) {
        b.append(" (").append(String.join(", ", f.columns())).append(')');
      }
      if (f.routeId() != null) {
        b.append(", route ").append(f.routeId());
        if (f.statementIndex() != null) {
          b.append(" #").append(f.statementIndex());
        }
      }
      if (f.drillDown() != null) {
        b.append(", drill-down ").append(f.drillDown());
      }
      b.append(": ").append(f.message().replace("|", "\\|")).append('\n');
    }
    return b.toString();
  }

  /** The same list as plain text, one finding per line. */
  public static String text(List<Finding> findings) {
    return markdown(findings).replace("**", "").replace("\\|", "|");
  }
}
