package dev.indexlab.gate;

import dev.indexlab.explain.ExplainedDraw;
import dev.indexlab.explain.ExplainedStatement;
import dev.indexlab.explain.RouteExplainer;
import dev.indexlab.explain.StatementExplainer;
import dev.indexlab.explain.TriggerDrillDown;
import dev.indexlab.stats.SampleSummary;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteStatement;
import dev.indexlab.workload.SampledRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the gate keeps of one statement of a route: its plans and buffer counts over a few parameter
 * draws (the same draws on every run, from the same seed).
 *
 * @param index 0-based position in the route
 * @param label the statement's {@code @statement} label
 * @param sql the statement as written in the route file
 * @param draws one entry per parameter draw, in draw order
 */
record StatementSnapshot(int index, String label, String sql, List<StatementDraw> draws) {

  public StatementSnapshot {
    draws = List.copyOf(draws);
  }

  /**
   * Explains {@code route}'s statements with {@code draws} parameter draws ({@link RouteExplainer}:
   * a warm-up run, then draw k with the pool's set k, the sets JMH cycles through first) and keeps
   * every draw. Foreign-key triggers are followed whatever their share of the time: a cascade's
   * plan (the DELETE on {@code song_history} behind a DELETE on {@code users}) is where a dropped
   * index shows, and it must be in the baseline to be compared. A draw whose route run fails
   * records the failure on the statements it did not reach.
   *
   * @param kept rows of the sampling queries already read on this database (by {@link
   *     dev.indexlab.bench.Preflight}), or read here and kept
   * @throws SQLException when the connection fails
   * @throws dev.indexlab.IndexlabException when the route's parameters cannot be sampled
   */
  static List<StatementSnapshot> capture(
      Connection c, Route route, int draws, long seed, SampledRows kept) throws SQLException {
    TriggerDrillDown everyCascade =
        new TriggerDrillDown(new StatementExplainer(), 0.0, TriggerDrillDown.DEFAULT_MAX_DEPTH);
    RouteExplainer.Result explained =
        new RouteExplainer(draws, seed, kept, everyCascade)
            .explain(c, route, RouteExplainer.EVERY_DRAW);
    List<StatementSnapshot> out = new ArrayList<>();
    for (RouteStatement s : route.statements()) {
      List<StatementDraw> byDraw = new ArrayList<>();
      for (ExplainedDraw d : explained.draws()) {
        ExplainedStatement e = d.statements().get(s.index());
        byDraw.add(
            e != null
                ? StatementDraw.of(e)
                : StatementDraw.failed(d.failure() == null ? "not reached" : d.failure()));
      }
      out.add(new StatementSnapshot(s.index(), s.label(), s.sql(), byDraw));
    }
    return out;
  }

  /** The draws that were explained. */
  public List<StatementDraw> explained() {
    return draws.stream().filter(d -> d.error() == null).toList();
  }

  /**
   * The median over explained draws of shared buffers touched per execution (hit + read, cascades
   * included); -1 when no draw was explained. With an even count, the lower middle value, so the
   * figure is always one that was measured.
   */
  public long medianSharedBuffers() {
    return SampleSummary.lowerMedian(explained().stream().mapToLong(StatementDraw::sharedBuffers));
  }

  /** Every plan node of every explained draw, cascades included. */
  public List<ShapeNode> nodes() {
    List<ShapeNode> out = new ArrayList<>();
    for (StatementDraw d : explained()) {
      d.sections().forEach(s -> out.addAll(s.nodes()));
    }
    return out;
  }

  /** The indexes any draw read, in first-seen order. */
  public Set<String> indexesUsed() {
    Set<String> out = new LinkedHashSet<>();
    nodes().stream().filter(n -> n.index() != null).forEach(n -> out.add(n.index()));
    return out;
  }

  /** The distinct node types of every draw, in first-seen order. */
  public Set<String> nodeTypes() {
    Set<String> out = new LinkedHashSet<>();
    nodes().forEach(n -> out.add(n.nodeType()));
    return out;
  }

  /** The first explanation failure, or null when some draw was explained. */
  public String error() {
    if (!explained().isEmpty() || draws.isEmpty()) {
      return null;
    }
    return draws.get(0).error();
  }

  /** A one-line name for messages: {@code statement 2 "delete the user"}. */
  public String describe() {
    return "statement " + (index + 1) + " \"" + label + "\"";
  }
}
