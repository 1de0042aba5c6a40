package dev.indexlab.explain;

import dev.indexlab.results.Finding;
import dev.indexlab.results.RunResults;
import dev.indexlab.stats.SampleSummary;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteStatement;
import dev.indexlab.workload.SampledRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Run's and explain's capture of a route: its draws from {@link RouteExplainer} (one warm-up run,
 * then {@code draws} parameter draws, statement by statement inside the route's transaction, rolled
 * back), reduced per statement to the median execution time, the spread, the median work, and the
 * plan of one draw (with its foreign-key drill-downs and findings).
 *
 * <p>A statement's shared buffers and WAL include its drill-downs' (the cascade's work), since
 * PostgreSQL reports a trigger's time but not its buffers.
 */
public final class RouteCapture {
  private final RouteExplainer engine;
  private final FindingDetector detector = new FindingDetector();

  public RouteCapture(int draws, long seed) {
    this(draws, seed, SampledRows.none());
  }

  /**
   * Draws parameters from {@code kept} rows of the sampling queries where it has them; follows the
   * foreign-key triggers that dominate a statement, and a DELETE's always ({@link
   * TriggerDrillDown#TriggerDrillDown()}).
   */
  public RouteCapture(int draws, long seed, SampledRows kept) {
    this.engine = new RouteExplainer(draws, seed, kept, new TriggerDrillDown());
  }

  /**
   * A route's capture: one entry per statement that was reached, the failure if any, and how many
   * draws were explained.
   */
  public record Result(
      List<RunResults.StatementCapture> statements,
      String error,
      int draws,
      RunResults.Draws drawTotals) {

    /** A capture that failed before any draw. */
    public static Result failed(String error) {
      return new Result(List.of(), error, 0, null);
    }

    /** The statements' findings, in statement order. */
    public List<Finding> findings() {
      return statements.stream().flatMap(s -> s.findings().stream()).toList();
    }

    /** The draw whose plans this capture shows (1-based, the parameter set's number), or 0. */
    public int shownDraw() {
      return drawTotals == null ? 0 : drawTotals.shown();
    }
  }

  /**
   * Captures {@code route} on {@code c}; plan files go under {@code planDir} (null: none), named
   * relative to {@code filesRoot} in the result.
   */
  public Result capture(Connection c, Route route, Path planDir, Path filesRoot)
      throws SQLException {
    return capture(c, route, planDir, filesRoot, Double.POSITIVE_INFINITY, 0);
  }

  /**
   * {@link #capture(Connection, Route, Path, Path)}, stopping at the first failure and after the
   * first draw whose statements took more than {@code stopAboveMs} together (EXPLAIN execution
   * times): a route that a change made many times slower is told apart from its baseline by one
   * draw, and five would only spend the run's time on it.
   *
   * <p>The plans kept (files, findings, triggers, drill-downs) are all of one draw: {@code
   * shownDraw} when it was explained (the draw another scenario showed, so both show the same
   * query), otherwise the draw whose route total is the median.
   */
  public Result capture(
      Connection c, Route route, Path planDir, Path filesRoot, double stopAboveMs, int shownDraw)
      throws SQLException {
    RouteExplainer.Result explained =
        engine.explain(c, route, d -> d.failure() != null || d.totalMs() > stopAboveMs);
    int count = route.statements().size();
    List<ExplainedDraw> complete =
        explained.draws().stream().filter(d -> d.complete(count)).toList();
    ExplainedDraw shown = shownDraw(explained.draws(), complete, shownDraw, count);
    int shownNumber = shown == null ? 0 : shown.number();
    List<RunResults.StatementCapture> out = new ArrayList<>();
    for (RouteStatement s : route.statements()) {
      Map<Integer, ExplainedStatement> byDraw = new LinkedHashMap<>();
      for (ExplainedDraw d : explained.draws()) {
        if (d.statements().containsKey(s.index())) {
          byDraw.put(d.number(), d.statements().get(s.index()));
        }
      }
      if (!byDraw.isEmpty()) {
        out.add(summarize(route, s, byDraw, shownNumber, planDir, filesRoot));
      }
    }
    RunResults.Draws drawTotals =
        complete.isEmpty()
            ? null
            : new RunResults.Draws(
                complete.stream().map(ExplainedDraw::totalMs).toList(),
                shownNumber,
                parameters(shown));
    return new Result(out, explained.failure(), explained.draws().size(), drawTotals);
  }

  /**
   * The draw to show: {@code wanted} when every statement was explained in it; otherwise the
   * complete draw whose route total is the (lower) median; otherwise the first draw explained; null
   * when there is none.
   */
  private static ExplainedDraw shownDraw(
      List<ExplainedDraw> draws, List<ExplainedDraw> complete, int wanted, int count) {
    for (ExplainedDraw d : draws) {
      if (d.number() == wanted && d.complete(count)) {
        return d;
      }
    }
    if (!complete.isEmpty()) {
      List<ExplainedDraw> byTotal =
          complete.stream().sorted(Comparator.comparingDouble(ExplainedDraw::totalMs)).toList();
      return byTotal.get((byTotal.size() - 1) / 2);
    }
    return draws.stream().filter(d -> !d.statements().isEmpty()).findFirst().orElse(null);
  }

  /** The parameter values of {@code draw} as text, by name, for the pages; empty for none. */
  private static Map<String, String> parameters(ExplainedDraw draw) {
    Map<String, String> out = new TreeMap<>();
    if (draw != null) {
      draw.parameters().forEach((k, v) -> out.put(k, String.valueOf(v)));
    }
    return out;
  }

  /**
   * One statement over its draws ({@code byDraw}, by draw number): the median, fastest and slowest
   * execution time and the median work of the draws it was explained in, and the plans of draw
   * {@code shown} (or of the median draw when it failed there), with that draw's findings.
   */
  private RunResults.StatementCapture summarize(
      Route route,
      RouteStatement s,
      Map<Integer, ExplainedStatement> byDraw,
      int shown,
      Path planDir,
      Path filesRoot) {
    List<ExplainedStatement> captured = List.copyOf(byDraw.values());
    List<ExplainedStatement> sorted =
        captured.stream()
            .filter(e -> e.result().succeeded())
            .sorted(Comparator.comparingDouble(ExplainedStatement::executionMs))
            .toList();
    if (sorted.isEmpty()) {
      return failed(s, captured);
    }
    // the plans shown are the shown draw's, every statement's from the same execution
    ExplainedStatement shownPlan =
        byDraw.get(shown) != null && byDraw.get(shown).result().succeeded()
            ? byDraw.get(shown)
            : sorted.get((sorted.size() - 1) / 2);
    Plan plan = shownPlan.result().plan();
    // buffers, WAL and rows: the median over the draws of each draw's total (statement plus its
    // cascades), so that two scenarios compare the same parameter sets' work, not whichever draw
    // happened to take the median time in each
    List<ExplainedStatement.Work> work = sorted.stream().map(ExplainedStatement::work).toList();
    List<Finding> mine = shownPlan.findings(detector, route.id(), s.index());
    return new RunResults.StatementCapture(
        s.index(),
        s.label(),
        s.sql(),
        medianMs(sorted),
        sorted.get(0).executionMs(),
        sorted.get(sorted.size() - 1).executionMs(),
        plan.planningTimeMs() == null ? Double.NaN : plan.planningTimeMs(),
        median(work, ExplainedStatement.Work::sharedHit),
        median(work, ExplainedStatement.Work::sharedRead),
        median(work, ExplainedStatement.Work::walBytes),
        PlanTextRenderer.render(plan, PlanTextRenderer.Options.ANALYZE_BUFFERS),
        savePlan(route, s, shownPlan, planDir, filesRoot),
        triggers(plan),
        shownPlan.drillDowns().stream().map(RouteCapture::drill).toList(),
        mine,
        indexesUsed(shownPlan),
        nodesRead(shownPlan),
        null,
        captured.size(),
        median(work, ExplainedStatement.Work::rowsExamined));
  }

  /** A statement no draw could explain: the first draw's failure, no figures. */
  private static RunResults.StatementCapture failed(
      RouteStatement s, List<ExplainedStatement> captured) {
    return new RunResults.StatementCapture(
        s.index(),
        s.label(),
        s.sql(),
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        0,
        0,
        0,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        captured.get(0).result().failureSummary(),
        captured.size(),
        -1);
  }

  /**
   * Writes the shown plan's files under {@code planDir}/route id (none when it is null); returns
   * the JSON file's name, relative to {@code filesRoot} when given, or null.
   */
  private static String savePlan(
      Route route, RouteStatement s, ExplainedStatement shown, Path planDir, Path filesRoot) {
    if (planDir == null) {
      return null;
    }
    String name = String.format(Locale.ROOT, "%02d-%s", s.index() + 1, slug(s.label()));
    Path json = PlanFiles.save(planDir.resolve(route.id()), name, shown).get(0);
    return filesRoot == null ? json.toString() : filesRoot.relativize(json).toString();
  }

  private static List<RunResults.Trigger> triggers(Plan plan) {
    List<RunResults.Trigger> triggers = new ArrayList<>();
    for (TriggerTime t : plan.triggers()) {
      triggers.add(
          new RunResults.Trigger(t.name(), t.relation(), t.timeOrZero(), (long) t.calls()));
    }
    return triggers;
  }

  /** The indexes the shown plans read, cascades included, in first-seen order. */
  private static List<String> indexesUsed(ExplainedStatement shown) {
    return shown.plans().stream()
        .flatMap(p -> p.root().walk())
        .map(PlanNode::indexName)
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }

  /** Every node of the shown plans, cascades included: its type, and the relation it reads. */
  private static List<String> nodesRead(ExplainedStatement shown) {
    return shown.plans().stream()
        .flatMap(p -> p.root().walk())
        .map(
            n ->
                n.relationName() == null
                    ? n.nodeType()
                    : n.nodeType()
                        + " on "
                        + (n.schema() == null ? "" : n.schema() + ".")
                        + n.relationName())
        .toList();
  }

  /** The median of a work figure over the draws; with an even count, the lower middle value. */
  private static long median(
      List<ExplainedStatement.Work> work, ToLongFunction<ExplainedStatement.Work> figure) {
    return SampleSummary.lowerMedian(work.stream().mapToLong(figure));
  }

  private static RunResults.DrillDown drill(DrillDown d) {
    Plan p = d.plan();
    long buffers = 0;
    if (p != null && p.root().buffers() != null) {
      buffers = p.root().buffers().sharedTotal();
    }
    return new RunResults.DrillDown(
        d.constraintName(),
        d.referencingTable(),
        d.referencingColumns(),
        d.action() == null ? null : d.action().name(),
        d.derivedSql(),
        p == null || p.executionTimeMs() == null ? Double.NaN : p.executionTimeMs(),
        buffers,
        p == null ? d.note() : PlanTextRenderer.render(p, PlanTextRenderer.Options.ANALYZE_BUFFERS),
        d.nested().stream().map(RouteCapture::drill).toList());
  }

  /** The median execution time of {@code sorted} (sorted by it). */
  private static double medianMs(List<ExplainedStatement> sorted) {
    int n = sorted.size();
    if (n % 2 == 1) {
      return sorted.get(n / 2).executionMs();
    }
    return (sorted.get(n / 2 - 1).executionMs() + sorted.get(n / 2).executionMs()) / 2;
  }

  static String slug(String label) {
    String s = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return s.isEmpty() ? "statement" : (s.length() > 40 ? s.substring(0, 40) : s);
  }
}
