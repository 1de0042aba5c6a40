package dev.indexlab.explain;

import static dev.indexlab.explain.PlanProperties.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link Plan} as the text PostgreSQL 14 to 18 prints for {@code EXPLAIN} with the same
 * options the JSON was captured with (the version's own lines, such as 18's "Index Searches" and
 * "Storage", and its fractional row counts, follow from the JSON): a capture with (ANALYZE,
 * BUFFERS) renders line for line as psql shows {@code EXPLAIN (ANALYZE, BUFFERS)} for that
 * execution. {@link Options#ANALYZE_BUFFERS} leaves out the Settings and WAL lines of a capture
 * that also asked for SETTINGS and WAL.
 *
 * <pre>{@code
 * String text = PlanTextRenderer.render(plan);
 * }</pre>
 *
 * <p>Known limits, where the JSON carries less than the text was printed from: a "Rows Removed"
 * average that rounds to 0 is omitted (the server prints it when the unrounded count was positive);
 * an I/O time below 0.0005 ms likewise; the relation suffix of trigger lines ("on table") is
 * inferred from the trigger and target relations.
 */
public final class PlanTextRenderer {
  /** Which optional sections to print when the plan has them. */
  public record Options(boolean settings, boolean wal) {
    /** Everything the plan holds. */
    public static final Options ALL = new Options(true, true);

    /** As {@code EXPLAIN (ANALYZE, BUFFERS)} prints: no Settings line, no WAL lines. */
    public static final Options ANALYZE_BUFFERS = new Options(false, false);
  }

  private PlanTextRenderer() {}

  /** The text of the plan, lines joined with '\n' and no trailing newline. */
  public static String render(Plan plan) {
    return String.join("\n", lines(plan, Options.ALL));
  }

  /** The text of the plan with the given sections. */
  public static String render(Plan plan, Options options) {
    return String.join("\n", lines(plan, options));
  }

  /** One entry per line, as psql shows one row per line. */
  public static List<String> lines(Plan plan) {
    return lines(plan, Options.ALL);
  }

  /** One entry per line with the given sections. */
  public static List<String> lines(Plan plan, Options options) {
    boolean verbose = plan.root().walk().anyMatch(n -> n.properties().containsKey("Output"));
    TextLines out = new TextLines();
    node(plan.root(), 0, new NodeDetailsText(verbose, options.wal()), out);
    Map<String, JsonNode> q = plan.properties();
    for (Map.Entry<String, JsonNode> e : q.entrySet()) {
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "Settings":
          if (options.settings()) {
            settings(plan.settings(), out);
          }
          break;
        case "Query Identifier":
          out.add(0, "Query Identifier: " + v.asText());
          break;
        case "Planning":
          planning(PlanJsonParser.fields(v), out);
          break;
        case "Planning Time":
          out.add(0, String.format(Locale.ROOT, "Planning Time: %.3f ms", v.asDouble()));
          break;
        case "Triggers":
          triggers(plan, verbose, out);
          break;
        case "JIT":
          JitText.jit(PlanJsonParser.fields(v), out);
          break;
        case "Serialization":
          serialization(PlanJsonParser.fields(v), out);
          break;
        case "Execution Time":
          out.add(0, String.format(Locale.ROOT, "Execution Time: %.3f ms", v.asDouble()));
          break;
        default:
          break;
      }
    }
    return out.toList();
  }

  private static void node(PlanNode n, int indent, NodeDetailsText details, TextLines out) {
    int level = indent;
    String name = n.subplanName();
    if (name != null) {
      out.add(level, name);
      level++;
    }
    int lineLevel = level;
    String arrow = "";
    if (level > 0) {
      arrow = "->  ";
      level += 2;
    }
    out.add(lineLevel, arrow + NodeHeaderText.header(n));
    level++;
    details.node(n, level, out);
    for (PlanNode child : n.children()) {
      node(child, level, details, out);
    }
  }

  private static void settings(Map<String, String> settings, TextLines out) {
    if (settings.isEmpty()) {
      return;
    }
    StringBuilder b = new StringBuilder("Settings: ");
    boolean first = true;
    for (Map.Entry<String, String> s : settings.entrySet()) {
      if (!first) {
        b.append(", ");
      }
      first = false;
      b.append(s.getKey()).append(" = ");
      b.append(s.getValue() == null ? "NULL" : "'" + s.getValue() + "'");
    }
    out.add(0, b.toString());
  }

  private static void planning(Map<String, JsonNode> p, TextLines out) {
    boolean memory = p.containsKey("Memory Used");
    if (!DetailGroupText.hasPositiveBuffers(p) && !memory) {
      return;
    }
    out.add(0, "Planning:");
    DetailGroupText.buffers(p, 1, out);
    if (memory) {
      out.add(
          1,
          "Memory: used="
              + PlanProperties.integerOrZero(p, "Memory Used")
              + "kB  allocated="
              + PlanProperties.integerOrZero(p, "Memory Allocated")
              + "kB");
    }
  }

  private static void serialization(Map<String, JsonNode> p, TextLines out) {
    StringBuilder b = new StringBuilder("Serialization: ");
    Double time = PlanProperties.number(p, "Time");
    if (time != null) {
      b.append(String.format(Locale.ROOT, "time=%.3f ms  ", time));
    }
    b.append("output=").append(PlanProperties.integerOrZero(p, "Output Volume")).append("kB");
    b.append("  format=").append(text(p, "Format"));
    out.add(0, b.toString());
    DetailGroupText.buffers(p, 1, out);
  }

  private static void triggers(Plan plan, boolean verbose, TextLines out) {
    boolean showRelation = showTriggerRelation(plan);
    for (TriggerTime t : plan.triggers()) {
      StringBuilder b = new StringBuilder("Trigger");
      if (verbose || t.constraintName() == null) {
        b.append(' ').append(t.triggerName());
      }
      if (t.constraintName() != null) {
        b.append(" for constraint ").append(t.constraintName());
      }
      if (showRelation) {
        b.append(" on ").append(t.relation());
      }
      if (t.timeMs() != null) {
        b.append(String.format(Locale.ROOT, ": time=%.3f", t.timeMs()));
        b.append(" calls=").append(DetailGroupText.count(t.calls()));
      } else {
        b.append(": calls=").append(DetailGroupText.count(t.calls()));
      }
      out.add(0, b.toString());
    }
  }

  /**
   * The server names each trigger's table when the statement had several result relations or fired
   * triggers on tables it did not target (cascades). The JSON does not say which, so this infers it
   * from the ModifyTable targets and the triggers' tables.
   */
  static boolean showTriggerRelation(Plan plan) {
    Set<String> targets = new HashSet<>();
    plan.root()
        .walk()
        .filter(n -> "ModifyTable".equals(n.nodeType()))
        .forEach(
            n -> {
              if (n.relationName() != null) {
                targets.add(n.relationName());
              }
              JsonNode tables = n.properties().get("Target Tables");
              if (tables != null) {
                tables.forEach(t -> targets.add(t.path("Relation Name").asText()));
              }
            });
    if (targets.size() > 1) {
      return true;
    }
    return plan.triggers().stream().anyMatch(t -> !targets.contains(t.relation()));
  }
}
