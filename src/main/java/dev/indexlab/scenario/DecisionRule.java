package dev.indexlab.scenario;

import dev.indexlab.results.RunResults;
import dev.indexlab.results.RunResults.Decision;
import dev.indexlab.results.RunResults.RouteDelta;
import dev.indexlab.stats.Numbers;
import dev.indexlab.stats.Significance;
import dev.indexlab.workload.Route;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The documented rule that accepts or rejects a candidate (docs/candidates.md, "How candidates are
 * decided"). Every "faster" and "slower" in it is {@link Significance}'s: the two sides' JMH
 * samples (the same parameter sets in the same order) differ by the ratio-of-medians test and by at
 * least {@code minGainMs} per call. A candidate is accepted when
 *
 * <ol>
 *   <li>it applied cleanly and (for a rewrite) passed the equivalence check, and fits the budget;
 *   <li>some route whose plans use it gains: its EXPLAIN time (the median over the draws of each
 *       draw's route total, the same parameter sets on both sides) falls by at least {@code
 *       minGain} and {@code minGainMs}, reading at least {@code minGain} fewer shared buffers or
 *       rows, and JMH confirms it: significantly faster, the whole interval of the ratio of medians
 *       at least {@code minGain} below 1. A candidate whose EXPLAIN shows no such route is not
 *       timed ({@link #worthTiming}). A drop candidate instead needs a measured saving (a write
 *       route significantly faster without the index);
 *   <li>no route it can have changed is significantly slower by more than {@code maxRegression}
 *       (the whole interval) and {@code maxRegressionMs} per call, with EXPLAIN confirming it (more
 *       time by as much, and more shared buffers: a busy machine slows a measurement, it does not
 *       make a plan read more pages); and the weighted workload as a whole does not get slower.
 * </ol>
 *
 * Accepted candidates are ranked by weighted time saved: over the routes it can have changed (see
 * {@link #causal}) that changed significantly, the sum of weight × (median before − median after),
 * in ms per minute of production traffic when weights are calls per minute.
 */
public final class DecisionRule {
  private final double minGain;
  private final Significance significance;
  private final double maxRegression;
  private final double maxRegressionMs;
  private final long indexBudgetBytes;

  /**
   * {@code minGain} and {@code maxRegression} are fractions (0.2 = 20%); {@code minGainMs} is the
   * significance rule's floor per call (no change smaller counts, either way); a slowdown blocks a
   * candidate only when it is also larger than {@code maxRegressionMs} per call.
   */
  public DecisionRule(
      double minGain,
      double minGainMs,
      double maxRegression,
      double maxRegressionMs,
      long indexBudgetBytes) {
    this.minGain = minGain;
    this.significance = Significance.withFloor(minGainMs);
    this.maxRegression = maxRegression;
    this.maxRegressionMs = maxRegressionMs;
    this.indexBudgetBytes = indexBudgetBytes;
  }

  /** The defaults ({@link RunResults.Rule#DEFAULTS}), with no size budget. */
  public static DecisionRule defaults() {
    RunResults.Rule d = RunResults.Rule.DEFAULTS;
    return new DecisionRule(
        d.minGain(), d.minGainMs(), d.maxRegression(), d.maxRegressionMs(), Long.MAX_VALUE);
  }

  public double maxRegressionMs() {
    return maxRegressionMs;
  }

  public double minGain() {
    return minGain;
  }

  public double minGainMs() {
    return significance.floorMs();
  }

  public Significance significance() {
    return significance;
  }

  public double maxRegression() {
    return maxRegression;
  }

  public long indexBudgetBytes() {
    return indexBudgetBytes;
  }

  /** The route deltas this rule decides from, compared with its significance rule. */
  RouteDeltas deltas() {
    return new RouteDeltas(significance);
  }

  /** Each route's weight (calls per minute in production, or relative), by route id. */
  public static Map<String, Double> weights(Collection<Route> routes) {
    Map<String, Double> out = new LinkedHashMap<>();
    routes.forEach(r -> out.put(r.id(), r.weight()));
    return out;
  }

  /**
   * Whether JMH should time a candidate whose EXPLAIN deltas are {@code explained}: a drop always
   * (only JMH and EXPLAIN together can clear it of regressions); an index or rewrite only when some
   * route that uses it shows the EXPLAIN gain {@link #decide} requires. Without one, no JMH figure
   * could get it accepted, so timing it would only cost the run time.
   */
  public boolean worthTiming(boolean isDrop, List<RouteDelta> explained) {
    return isDrop || explained.stream().anyMatch(d -> d.usesCandidate() && explainGain(d));
  }

  /**
   * Whether a JMH figure of route {@code d} (its EXPLAIN delta) could change the decision, so that
   * timing it is worth its seconds. For an index or a rewrite: a route that uses it with the
   * EXPLAIN gain {@link #decide} asks JMH to confirm, or a route it can have slowed whose EXPLAIN
   * shows the extra work a regression needs besides JMH. Any other route's JMH change could only be
   * the machine's: the rule counts neither its gain nor its slowdown, so it is not timed (and its
   * noise stays out of the weighted saving). A drop is timed on every route it touches: dropping an
   * index speeds up writes that EXPLAIN alone may not show.
   */
  public boolean timingCanDecide(boolean isDrop, RouteDelta d) {
    if (isDrop) {
      return true;
    }
    double grew = d.explainAfterMs() - d.explainBeforeMs();
    return (d.usesCandidate() && explainGain(d))
        || (causal(d) && workGrew(d) && !(grew <= maxRegression * d.explainBeforeMs()));
  }

  /**
   * The rejection of a candidate {@link #worthTiming} said not to time, naming the worst slowdown
   * EXPLAIN shows, if any.
   */
  public Decision untimed(List<RouteDelta> explained) {
    if (explained.stream().noneMatch(RouteDelta::usesCandidate)) {
      return new Decision(false, "the planner did not use it for any affected route", 0);
    }
    String reason =
        String.format(
            Locale.ROOT,
            "no route that uses it got %.0f%% and %s ms faster in EXPLAIN, reading %.0f%% fewer"
                + " shared buffers or rows (not timed under JMH)",
            100 * minGain,
            Numbers.ms(minGainMs()),
            100 * minGain);
    reason += nearestWork(explained);
    RouteDelta worst = null;
    for (RouteDelta d : regressions(false, explained)) {
      if (worst == null
          || d.explainAfterMs() / d.explainBeforeMs()
              > worst.explainAfterMs() / worst.explainBeforeMs()) {
        worst = d;
      }
    }
    if (worst != null) {
      reason +=
          String.format(
              Locale.ROOT,
              "; EXPLAIN of %s rose from %s to %s ms, with more shared buffers",
              worst.route(),
              Numbers.ms(worst.explainBeforeMs()),
              Numbers.ms(worst.explainAfterMs()));
    }
    return new Decision(false, reason, 0);
  }

  /** Decides one candidate from its deltas and what building it cost. */
  public Decision decide(
      boolean isDrop,
      String applyError,
      String equivalenceFailure,
      List<RouteDelta> deltas,
      long addedBytes,
      Map<String, Double> weights) {
    if (applyError != null) {
      return new Decision(false, "its migration failed: " + applyError, 0);
    }
    if (equivalenceFailure != null) {
      return new Decision(false, "the rewrite is not equivalent: " + equivalenceFailure, 0);
    }
    if (addedBytes > indexBudgetBytes) {
      return new Decision(
          false,
          String.format(Locale.ROOT, "its %,d bytes exceed the index budget", addedBytes),
          0);
    }
    double saved = saved(isDrop, deltas, weights);
    RouteDelta worst = null;
    for (RouteDelta d : regressions(isDrop, deltas)) {
      if (worst == null || slowdown(worst) < slowdown(d)) {
        worst = d;
      }
    }
    if (worst != null && worst.jmh() == null) {
      return new Decision(
          false,
          String.format(
              Locale.ROOT,
              "EXPLAIN of %s rose from %s to %s ms, with more shared buffers (not timed)",
              worst.route(),
              Numbers.ms(worst.explainBeforeMs()),
              Numbers.ms(worst.explainAfterMs())),
          saved);
    }
    if (worst != null) {
      return new Decision(
          false,
          String.format(
              Locale.ROOT,
              "%s got %s%% slower in JMH, %s; EXPLAIN %s → %s ms, with more shared buffers",
              worst.route(),
              Numbers.percentChange(worst.jmh().medianBefore(), worst.jmh().medianAfter()),
              worst.jmh().describe(),
              Numbers.ms(worst.explainBeforeMs()),
              Numbers.ms(worst.explainAfterMs())),
          saved);
    }
    if (isDrop) {
      RouteDelta best = bestGain(deltas, d -> d.jmh() != null && d.jmh().faster());
      if (best == null || saved <= 0) {
        return new Decision(
            false,
            "no route got significantly faster without it: nothing measured is saved by dropping"
                + " it",
            saved);
      }
      return new Decision(
          true,
          String.format(
              Locale.ROOT,
              "no route got significantly slower without it, and %s got %s%% faster in JMH, %s",
              best.route(),
              Numbers.percentChange(best.jmh().medianBefore(), best.jmh().medianAfter()),
              best.jmh().describe()),
          saved);
    }
    // an index no plan uses cannot have made anything slower but its writes; its timing changes
    // are noise, so the plain fact is the reason
    if (deltas.stream().noneMatch(RouteDelta::usesCandidate)) {
      return new Decision(false, "the planner did not use it for any affected route", saved);
    }
    if (saved < 0) {
      return new Decision(
          false,
          String.format(
              Locale.ROOT,
              "the weighted workload got slower: %s ms more per minute of traffic",
              Numbers.ms(-saved)),
          saved);
    }
    RouteDelta best = bestGain(deltas, d -> d.usesCandidate() && improves(d));
    if (best == null) {
      return new Decision(
          false,
          String.format(
              Locale.ROOT,
              "no route that uses it got %.0f%% and %s ms faster both in EXPLAIN (reading %.0f%%"
                  + " fewer shared buffers or rows) and in JMH (significantly, the whole"
                  + " interval)%s",
              100 * minGain,
              Numbers.ms(minGainMs()),
              100 * minGain,
              nearest(deltas)),
          saved);
    }
    return new Decision(
        true,
        String.format(
            Locale.ROOT,
            "%s: EXPLAIN %s → %s ms (%s%% faster), JMH %s",
            best.route(),
            Numbers.ms(best.explainBeforeMs()),
            Numbers.ms(best.explainAfterMs()),
            Numbers.percentChange(best.explainBeforeMs(), best.explainAfterMs()),
            best.jmh().describe()),
        saved);
  }

  /** How much slower a regressing route got: JMH's ratio of medians, EXPLAIN's when untimed. */
  private static double slowdown(RouteDelta d) {
    return d.jmh() != null ? d.jmh().ratio() : d.explainAfterMs() / d.explainBeforeMs();
  }

  /**
   * The weighted saving: over the routes the candidate can have changed whose JMH change is
   * significant, weight × (median before − median after); a slowdown counts only when EXPLAIN shows
   * the work grew (otherwise it is the machine).
   */
  private double saved(boolean isDrop, List<RouteDelta> deltas, Map<String, Double> weights) {
    double saved = 0;
    for (RouteDelta d : deltas) {
      if (!(isDrop || causal(d)) || d.jmh() == null || !d.jmh().changed()) {
        continue;
      }
      if (d.jmh().faster() || workGrew(d)) {
        saved += weights.getOrDefault(d.route(), 1.0) * -d.jmh().deltaMs();
      }
    }
    return saved;
  }

  /**
   * The route that uses the candidate and came nearest to an EXPLAIN gain (the lowest ratio of
   * EXPLAIN times), or null.
   */
  private static RouteDelta closest(List<RouteDelta> deltas) {
    RouteDelta near = null;
    for (RouteDelta d : deltas) {
      if (d.usesCandidate()
          && d.explainBeforeMs() > 0
          && (near == null
              || d.explainAfterMs() / d.explainBeforeMs()
                  < near.explainAfterMs() / near.explainBeforeMs())) {
        near = d;
      }
    }
    return near;
  }

  /** "; closest: route EXPLAIN a → b ms, JMH …" for the route that came nearest to a gain. */
  private static String nearest(List<RouteDelta> deltas) {
    RouteDelta near = closest(deltas);
    if (near == null) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "; closest: %s, EXPLAIN %s → %s ms, JMH %s",
        near.route(),
        Numbers.ms(near.explainBeforeMs()),
        Numbers.ms(near.explainAfterMs()),
        near.jmh() == null ? "not timed" : near.jmh().describe());
  }

  /**
   * "; closest: route, EXPLAIN a → b ms, shared buffers x → y, rows examined r → s" for the route
   * that uses the candidate and came nearest to an EXPLAIN gain.
   */
  private static String nearestWork(List<RouteDelta> deltas) {
    RouteDelta near = closest(deltas);
    if (near == null) {
      return "";
    }
    String rows =
        near.rowsExaminedBefore() < 0 || near.rowsExaminedAfter() < 0
            ? ""
            : String.format(
                Locale.ROOT,
                ", rows examined %,d → %,d",
                near.rowsExaminedBefore(),
                near.rowsExaminedAfter());
    return String.format(
        Locale.ROOT,
        "; closest: %s, EXPLAIN %s → %s ms, shared buffers %,d → %,d%s",
        near.route(),
        Numbers.ms(near.explainBeforeMs()),
        Numbers.ms(near.explainAfterMs()),
        near.buffersBefore(),
        near.buffersAfter(),
        rows);
  }

  private static RouteDelta bestGain(
      List<RouteDelta> deltas, java.util.function.Predicate<RouteDelta> eligible) {
    RouteDelta best = null;
    for (RouteDelta d : deltas) {
      if (eligible.test(d) && (best == null || d.jmh().ratio() < best.jmh().ratio())) {
        best = d;
      }
    }
    return best;
  }

  /** The routes that regress with the candidate, as the rule sees them: each blocks it. */
  public List<RouteDelta> regressions(boolean isDrop, List<RouteDelta> deltas) {
    return deltas.stream().filter(d -> (isDrop || causal(d)) && regresses(d)).toList();
  }

  /**
   * Whether the candidate can have caused a route's change: its plans use the candidate (or it is
   * the rewritten route), or it writes the indexed table. Other routes' differences are the
   * machine's and count for nothing.
   */
  private static boolean causal(RouteDelta d) {
    return d.usesCandidate() || d.writesIndexedTable();
  }

  /**
   * A regression must show in both measurements: JMH significantly slower, the whole interval more
   * than {@code maxRegression} above 1 and the medians more than {@code maxRegressionMs} apart; and
   * EXPLAIN showing the work grew by more than {@code maxRegression} ({@link #workGrew}). A route
   * JMH did not time (a candidate rejected on EXPLAIN) regresses when EXPLAIN shows more work and
   * time by the same margins.
   */
  private boolean regresses(RouteDelta d) {
    double grew = d.explainAfterMs() - d.explainBeforeMs();
    if (d.untimed()) {
      return workGrew(d)
          && grew > maxRegression * d.explainBeforeMs()
          && grew > Math.max(maxRegressionMs, minGainMs());
    }
    if (d.jmh() == null || !d.jmh().slowerBy(maxRegression, maxRegressionMs)) {
      return false;
    }
    if (!(d.explainBeforeMs() > 0) || !Double.isFinite(d.explainAfterMs())) {
      return true;
    }
    return workGrew(d) && grew > maxRegression * d.explainBeforeMs();
  }

  /**
   * Whether EXPLAIN shows the route doing more work with the candidate: its EXPLAIN time grew by
   * more than the floor, and its shared buffers by more than {@code maxRegression}. A busier
   * machine slows both JMH and EXPLAIN of a later scenario, but it does not make a plan read more
   * pages; an index's real cost does.
   */
  boolean workGrew(RouteDelta d) {
    if (!(d.explainBeforeMs() > 0) || !Double.isFinite(d.explainAfterMs())) {
      return true;
    }
    return d.explainAfterMs() - d.explainBeforeMs() > minGainMs()
        && d.buffersAfter() > d.buffersBefore() * (1 + maxRegression);
  }

  private boolean improves(RouteDelta d) {
    return explainGain(d) && d.jmh() != null && d.jmh().fasterBy(minGain);
  }

  /**
   * EXPLAIN at least {@code minGain} and the floor faster, with no more shared buffers, and the
   * work down by at least {@code minGain} too: a fifth fewer shared buffers, or a fifth fewer rows
   * examined by its scans. An index's gain is work its plans no longer do: a busy machine can make
   * a later scenario's EXPLAIN faster or slower than the baseline's, but it cannot make its plans
   * read a fifth fewer pages or rows. (Rows count where pages do not: a cascade that deletes 1,461
   * rows touches their pages with or without the index that finds them, but stops reading the other
   * 16,900 rows of the table.)
   */
  boolean explainGain(RouteDelta d) {
    return d.explainBeforeMs() > 0
        && d.explainAfterMs() <= d.explainBeforeMs() * (1 - minGain)
        && d.explainBeforeMs() - d.explainAfterMs() >= minGainMs()
        && d.buffersAfter() <= d.buffersBefore()
        && d.workFellBy(minGain);
  }

  /** True when a plan of {@code statements} (drill-downs included) scans one of the indexes. */
  static boolean usesAny(List<RunResults.StatementCapture> statements, List<String> indexNames) {
    if (statements == null) {
      return false;
    }
    for (RunResults.StatementCapture s : statements) {
      for (String used : s.indexesUsed()) {
        for (String name : indexNames) {
          if (name.equals(used) || name.endsWith("." + used)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
