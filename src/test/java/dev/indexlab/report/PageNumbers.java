package dev.indexlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.indexlab.Setting;
import dev.indexlab.results.RunResults;
import dev.indexlab.results.RunResults.DrillDown;
import dev.indexlab.results.RunResults.RouteResult;
import dev.indexlab.results.RunResults.ScenarioResult;
import dev.indexlab.results.RunResults.StatementCapture;
import dev.indexlab.results.RunResults.Trigger;
import dev.indexlab.stats.Numbers;
import dev.indexlab.text.ReportFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, for every number a report page prints, the field of the results it came from: the set of
 * every text the results' figures can be written as (each numeric field as ms, count, size, share;
 * each pair of fields of one record, and each route's, statement's and cascade's figure against the
 * same one in another scenario, as a change in ms or percent), and a parse of the pages that
 * reports each number outside that set. Plan tables and code blocks are the results' own text,
 * copied verbatim, and are not parsed.
 */
final class PageNumbers {
  /** A number standing alone: not part of a word (p95, V1000, x86_64) and not a version's dot. */
  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\w.\\-/])[-+]?\\d+(?:,\\d{3})*(?:\\.\\d+)?(?![\\w])");

  /** Small whole numbers are counts and ordinals (routes, statements, draws, workers). */
  private static final int SMALL = 50;

  /**
   * Fixed figures of the prose, each with its reason: 90 ("much faster": at least 90% less), 95
   * (p95), 100 (samples a p95 needs), 99 and 0.01 (the test's level and alpha).
   */
  private static final Set<String> PROSE = Set.of("90", "95", "100", "99", "0.01", "1,000");

  private final Set<String> known = new HashSet<>();

  PageNumbers(RunResults results) {
    JsonNode tree;
    try {
      tree = new ObjectMapper().readTree(RunResultsJson.toJson(results));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    walk(tree);
    for (ScenarioResult s : results.scenarios()) {
      for (RouteResult r : s.routes()) {
        single(r.explainMs());
        for (StatementCapture c : RunIndex.statements(r)) {
          single(c.index() + 1);
          plan(c.planText());
          triggers(c);
          for (DrillDown d : CascadeAnalysis.flatten(c)) {
            plan(d.planText());
          }
        }
      }
    }
    RunIndex run = new RunIndex(results, Setting::toString);
    ScenarioResult base = run.baseline();
    for (ScenarioResult other : results.scenarios()) {
      if (other == base) {
        continue;
      }
      for (RouteResult after : other.routes()) {
        RouteResult before = RunIndex.route(base, after.id());
        if (before == null) {
          continue;
        }
        if (before.timing() != null && after.timing() != null) {
          pair(before.timing().p50(), after.timing().p50());
          pair(before.timing().mean(), after.timing().mean());
          // the rule's comparison the pages compute from the two sides' samples
          var change = run.wording().compare(before.timing(), after.timing());
          if (change != null) {
            single(change.ratio());
            single(change.ciLow());
            single(change.ciHigh());
          }
        }
        pair(before.explainMs(), after.explainMs());
        for (StatementCapture a : RunIndex.statements(after)) {
          StatementCapture b = RunIndex.statement(before, a.index());
          if (b == null) {
            continue;
          }
          pair(b.medianExecutionMs(), a.medianExecutionMs());
          pair(b.sharedBuffers(), a.sharedBuffers());
          for (DrillDown db : CascadeAnalysis.flatten(b)) {
            for (DrillDown da : CascadeAnalysis.flatten(a)) {
              if (db.constraint() != null && db.constraint().equals(da.constraint())) {
                pair(db.executionMs(), da.executionMs());
              }
            }
          }
        }
        double sum = 0;
        for (StatementCapture b : RunIndex.statements(before)) {
          sum += Double.isFinite(b.medianExecutionMs()) ? b.medianExecutionMs() : 0;
        }
        single(sum);
        for (StatementCapture b : RunIndex.statements(before)) {
          pair(sum, b.medianExecutionMs());
        }
      }
    }
  }

  /** The numbers of {@code page} (markdown) that no field of the results accounts for. */
  List<String> unexplained(String page) {
    List<String> out = new ArrayList<>();
    for (String line : prose(page)) {
      Matcher m = NUMBER.matcher(line);
      while (m.find()) {
        String token = m.group();
        String bare = token.replaceFirst("^[-+]", "");
        if (known.contains(bare) || PROSE.contains(bare) || small(bare)) {
          continue;
        }
        out.add(token + "  in: " + line.strip());
      }
    }
    return out;
  }

  /** The page without code blocks, plan tables, inline code, link targets and HTML tags. */
  static List<String> prose(String page) {
    List<String> out = new ArrayList<>();
    boolean code = false;
    boolean plan = false;
    for (String line : page.split("\n", -1)) {
      if (line.startsWith("```")) {
        code = !code;
        continue;
      }
      if (line.startsWith("| QUERY PLAN")) {
        plan = true;
      }
      if (plan && !line.startsWith("|")) {
        plan = false;
      }
      if (code || plan) {
        continue;
      }
      out.add(
          line.replaceAll("`[^`]*`", " ")
              .replaceAll("\\]\\([^)]*\\)", "] ")
              .replaceAll("<[^>]+>", " "));
    }
    return out;
  }

  private static boolean small(String bare) {
    return bare.matches("\\d{1,2}") && Integer.parseInt(bare) <= SMALL;
  }

  private void walk(JsonNode node) {
    if (node.isNumber()) {
      single(node.asDouble());
    } else if (node.isTextual()) {
      Matcher m = NUMBER.matcher(node.asText());
      while (m.find()) {
        known.add(m.group().replaceFirst("^[-+]", ""));
      }
    } else if (node.isArray()) {
      node.forEach(this::walk);
    } else if (node.isObject()) {
      List<Double> numbers = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        walk(e.getValue());
        if (e.getValue().isNumber()) {
          numbers.add(e.getValue().asDouble());
        }
      }
      for (double a : numbers) {
        for (double b : numbers) {
          pair(a, b);
        }
      }
    }
  }

  private void triggers(StatementCapture c) {
    double exec = StatementFacts.planExecutionMs(c);
    List<Trigger> all = StatementFacts.triggers(c);
    double total = all.stream().mapToDouble(Trigger::timeMs).sum();
    single(exec - total);
    single(total);
    if (!all.isEmpty()) {
      single(total - all.get(0).timeMs());
    }
    for (Trigger t : all) {
      pair(t.timeMs(), exec);
      pair(exec, t.timeMs());
    }
    single(exec);
  }

  private void plan(String text) {
    if (text == null) {
      return;
    }
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      known.add(m.group().replaceFirst("^[-+]", ""));
    }
    PlanText.mostFiltering(text)
        .ifPresent(
            f -> {
              single(f.read());
              single(f.rows());
              single(f.removed());
              known.add(ChangeWording.share((double) f.removed() / f.read()).replace("%", ""));
            });
    PlanText.limitWalk(text)
        .ifPresent(
            w -> {
              single(w.kept());
              single(w.produced());
              single(w.discarded());
            });
  }

  /** Every way the report writes one figure. */
  private void single(double v) {
    if (!Double.isFinite(v)) {
      return;
    }
    add(ReportFormat.ms(v));
    add(Numbers.ratio(v));
    add(Numbers.plain(v));
    add(Numbers.plain(v * 100));
    if (v >= 0 && v <= 1) {
      add(ChangeWording.share(v));
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      add(ReportFormat.grouped((long) v));
      add(ReportFormat.bytes((long) v).split(" ")[0]);
      add(ReportFormat.ms(v / 1000.0));
    }
  }

  /** Every way the report writes a change from {@code a} to {@code b}. */
  private void pair(double a, double b) {
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      return;
    }
    add(ChangeWording.signedMs(a, b));
    add(ReportFormat.ms(b - a));
    if (a > 0) {
      add(ChangeWording.signedPercent(a, b));
      add(Numbers.percentChange(a, b));
      if (b >= 0 && b <= a) {
        add(ChangeWording.share(b / a));
      }
    }
  }

  private void add(String text) {
    known.add(text.replace("%", "").replace("×", "").replaceFirst("^[-+]", ""));
  }
}
