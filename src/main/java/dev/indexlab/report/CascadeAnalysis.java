package dev.indexlab.report;

import dev.indexlab.results.RunResults.DrillDown;
import dev.indexlab.results.RunResults.StatementCapture;
import dev.indexlab.results.RunResults.Trigger;
import dev.indexlab.text.MarkdownTable;
import dev.indexlab.text.MarkdownTable.Column;
import dev.indexlab.text.ReportFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The trigger drill-down of a write-up: which foreign-key action of a statement to look at, the
 * statement that action runs with its plan before and after, and every cascade of the statement
 * (nested ones included) before and after.
 */
final class CascadeAnalysis {
  private final StatementCapture before;
  private final StatementCapture after;
  private final ChangeWording wording;
  private final PlanFiles plans;

  /**
   * @param before the statement in the baseline
   * @param after the same statement with the candidate, or null when it was not captured
   * @param wording the run's words for changes
   * @param plans the plan files, for the drill-downs' JSON and text
   */
  CascadeAnalysis(
      StatementCapture before, StatementCapture after, ChangeWording wording, PlanFiles plans) {
    this.before = before;
    this.after = after;
    this.wording = wording;
    this.plans = plans;
  }

  /** The plan of a drill-down of {@code statement}, as its .txt file has it, with its JSON link. */
  String plan(StatementCapture statement, DrillDown d) {
    String file = PlanFiles.drillDownFile(statement.planJsonFile(), chain(statement, d));
    return PlanTable.render(plans.text(file, d.planText()), plans.link(file));
  }

  /** The constraints from the statement down to {@code target} (its own last). */
  static List<String> chain(StatementCapture statement, DrillDown target) {
    List<String> path = new ArrayList<>();
    if (statement.drillDowns() != null) {
      for (DrillDown d : statement.drillDowns()) {
        if (find(d, target, path)) {
          return path;
        }
      }
    }
    return List.of(target.constraint());
  }

  private static boolean find(DrillDown d, DrillDown target, List<String> path) {
    path.add(d.constraint());
    if (d == target) {
      return true;
    }
    if (d.nested() != null) {
      for (DrillDown n : d.nested()) {
        if (find(n, target, path)) {
          return true;
        }
      }
    }
    path.remove(path.size() - 1);
    return false;
  }

  /** Drill-downs of a statement and their nested ones, depth first. */
  static List<DrillDown> flatten(StatementCapture s) {
    List<DrillDown> out = new ArrayList<>();
    if (s != null && s.drillDowns() != null) {
      s.drillDowns().forEach(d -> add(d, out));
    }
    return out;
  }

  private static void add(DrillDown d, List<DrillDown> out) {
    out.add(d);
    if (d.nested() != null) {
      d.nested().forEach(n -> add(n, out));
    }
  }

  /** The drill-down with the same constraint and table after the candidate; null if absent. */
  DrillDown afterOf(DrillDown d) {
    for (DrillDown a : flatten(after)) {
      if (a.constraint() != null
          && a.constraint().equals(d.constraint())
          && Objects.equals(a.referencingTable(), d.referencingTable())) {
        return a;
      }
    }
    return null;
  }

  /**
   * The drill-down to discuss: the one the candidate sped up most, else the slowest; null when the
   * statement has none.
   */
  DrillDown focus() {
    DrillDown best = null;
    double bestGain = 0;
    for (DrillDown d : flatten(before)) {
      DrillDown a = afterOf(d);
      if (a != null
          && ChangeWording.present(d.executionMs())
          && ChangeWording.present(a.executionMs())) {
        double gain = d.executionMs() - a.executionMs();
        if (gain > bestGain) {
          best = d;
          bestGain = gain;
        }
      }
    }
    if (best != null) {
      return best;
    }
    for (DrillDown d : flatten(before)) {
      if (ChangeWording.present(d.executionMs())
          && (best == null || d.executionMs() > best.executionMs())) {
        best = d;
      }
    }
    return best;
  }

  /** The drill-down before: why this one, its statement and its plan. */
  String renderBefore(DrillDown d) {
    StringBuilder out = new StringBuilder();
    Trigger trigger = triggerOf(d);
    out.append("Since ").append(MarkdownText.code(d.referencingTable()));
    if (trigger != null && isSlowestTrigger(trigger)) {
      out.append(" takes the longest (its trigger took ")
          .append(ReportFormat.msWithUnit(trigger.timeMs()))
          .append(")");
    } else if (trigger != null) {
      out.append(" is where the candidate acts (its trigger took ")
          .append(ReportFormat.msWithUnit(trigger.timeMs()))
          .append(")");
    } else {
      out.append(" is where the candidate acts");
    }
    out.append(", indexlab drilled down: this is the statement the ")
        .append(MarkdownText.text(clause(d.action())))
        .append(" of ")
        .append(MarkdownText.code(d.constraint()))
        .append(" runs, explained with the same key value in a transaction that was rolled back")
        .append(
            d.columns() == null || d.columns().isEmpty()
                ? ""
                : " (it looks rows up by " + columns(d) + ")")
        .append(":\n\n");
    out.append(MarkdownText.codeBlock("sql", d.sql())).append('\n');
    out.append(plan(before, d)).append('\n');
    PlanText.mostFiltering(d.planText())
        .ifPresent(
            scan -> out.append("Here ").append(StatementFacts.filterSentence(scan)).append("\n\n"));
    return out.toString();
  }

  /** The drill-down after: its plan and "from X to Y" for it; empty when not captured. */
  String renderAfter(DrillDown d) {
    DrillDown a = afterOf(d);
    if (a == null) {
      return "The drill-down of "
          + MarkdownText.code(d.constraint())
          + " was not captured with the candidate in place.\n\n";
    }
    return "The statement behind "
        + MarkdownText.code(d.constraint())
        + " with the candidate in place:\n\n"
        + plan(after, a)
        + "\n"
        + capitalized(wording.explainFromTo(d.executionMs(), a.executionMs()))
        + " for this cascade"
        + buffers(d.sharedBuffers(), a.sharedBuffers())
        + ".\n\n";
  }

  /** Every cascade of the statement before and after, when it has at least {@code minimum}. */
  String renderAll(int minimum) {
    List<DrillDown> all = flatten(before);
    if (all.isEmpty() || all.size() < minimum) {
      return "";
    }
    MarkdownTable table =
        new MarkdownTable(
            Column.left("Foreign key, on table (columns)"),
            Column.left("Action"),
            Column.right("Time (ms)"),
            Column.right("Buffers"),
            Column.left("Verdict"));
    for (DrillDown d : all) {
      DrillDown a = afterOf(d);
      boolean nested = before.drillDowns() == null || !before.drillDowns().contains(d);
      table.row(
          (nested ? "↳ " : "")
              + MarkdownText.text(d.constraint())
              + " on "
              + MarkdownText.text(unqualified(d.referencingTable()))
              + " ("
              + String.join(", ", d.columns() == null ? List.of() : d.columns())
              + ")",
          MarkdownText.text(action(d.action())),
          ChangeWording.ms(d.executionMs())
              + " → "
              + (a == null ? "not captured" : ChangeWording.ms(a.executionMs())),
          ReportFormat.grouped(d.sharedBuffers())
              + " → "
              + (a == null ? "not captured" : ReportFormat.grouped(a.sharedBuffers())),
          a == null
              ? "not measured"
              : wording.explainVerdict(d.executionMs(), a.executionMs()).words());
    }
    return "Every foreign-key action this statement sets off (↳ marks one set off by another), each"
        + " explained on its own:\n\n"
        + table.render()
        + "\n";
  }

  /** "cascade" for DELETE_CASCADE, "set null" for DELETE_SET_NULL, else as recorded. */
  static String action(String action) {
    if (action == null || action.isBlank()) {
      return "n/a";
    }
    String a = action.startsWith("DELETE_") ? action.substring("DELETE_".length()) : action;
    return a.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
  }

  /** "ON DELETE CASCADE" for DELETE_CASCADE (the clause as the schema writes it), else as is. */
  static String clause(String action) {
    if (action == null || action.isBlank()) {
      return "action";
    }
    return action.matches("(DELETE|UPDATE)_[A-Z_]+") ? "ON " + action.replace('_', ' ') : action;
  }

  private static String unqualified(String table) {
    return table != null && table.startsWith("public.") ? table.substring(7) : table;
  }

  private Trigger triggerOf(DrillDown d) {
    for (Trigger t : StatementFacts.triggers(before)) {
      if (t.name() != null && t.name().equals(d.constraint())) {
        return t;
      }
    }
    return null;
  }

  private boolean isSlowestTrigger(Trigger t) {
    List<Trigger> triggers = StatementFacts.triggers(before);
    return !triggers.isEmpty() && triggers.get(0).equals(t);
  }

  private static String columns(DrillDown d) {
    List<String> codes = new ArrayList<>();
    d.columns().forEach(c -> codes.add(MarkdownText.code(c)));
    return String.join(", ", codes);
  }

  static String buffers(long before, long after) {
    return ", shared buffers from "
        + ReportFormat.grouped(before)
        + " to "
        + ReportFormat.grouped(after);
  }

  static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
