package dev.indexlab.scenario;

import dev.indexlab.scenario.RunResults.Decision;
import dev.indexlab.scenario.RunResults.RouteDelta;
import dev.indexlab.scenario.RunResults.RouteResult;
import dev.indexlab.workload.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The documented rule that accepts or rejects a candidate (README "How candidates are decided"). A
 * candidate is accepted when
 *
 * <ol>
 *   <li>it applied cleanly and (for a rewrite) passed the equivalence check;
 *   <li>the planner uses it for at least one affected route (for a drop: always true);
 *   <li>some route whose plans use it improves: its EXPLAIN median execution time falls by at least
 *       {@code minGain} with fewer shared buffers, and JMH confirms it with a lower mean (a drop
 *       candidate instead needs no route to regress). An index's gain is work its plans no longer
 *       do, so EXPLAIN must show it; JMH, which also times the round trips, only confirms it. A
 *       candidate whose EXPLAIN shows no such route is not timed at all ({@link #worthTiming});
 *   <li>no route regresses by more than {@code maxRegression} and {@code maxRegressionMs} per call
 *       in JMH (significantly), confirmed by EXPLAIN: slower by as much, with more shared buffers
 *       (write overhead included); the weighted workload as a whole does not get slower (a slowdown
 *       EXPLAIN does not confirm counts as none); and the index size fits the budget.
 * </ol>
 *
 * Accepted candidates are ranked by weighted time saved: the sum over the routes it can have
 * changed (see {@link #causal}) whose JMH means differ significantly of weight × (mean before −
 * mean after), in ms per minute of production traffic when weights are calls per minute. A
 * difference inside the two means' error bars counts as none: it is as likely to be the machine as
 * the index.
 */
public final class DecisionRule {
  /** An EXPLAIN change smaller than this (ms) is noise, never a regression. */
  static final double MIN_EXPLAIN_MS = 0.02;

  private final double minGain;
  private final double maxRegression;
  private final double maxRegressionMs;
  private final long indexBudgetBytes;

  /**
   * {@code minGain} and {@code maxRegression} are fractions (0.2 = 20%); a slowdown blocks a
   * candidate only when it is also larger than {@code maxRegressionMs} per call.
   */
  public DecisionRule(
      double minGain, double maxRegression, double maxRegressionMs, long indexBudgetBytes) {
    this.minGain = minGain;
    this.maxRegression = maxRegression;
    this.maxRegressionMs = maxRegressionMs;
    this.indexBudgetBytes = indexBudgetBytes;
  }

  /** No absolute floor on regressions. */
  public DecisionRule(double minGain, double maxRegression, long indexBudgetBytes) {
    this(minGain, maxRegression, 0, indexBudgetBytes);
  }

  /** The defaults: 20% gain, 10% and 0.5 ms regression allowed, no size budget. */
  public static DecisionRule defaults() {
    return new DecisionRule(0.20, 0.10, 0.5, Long.MAX_VALUE);
  }

  public double maxRegressionMs() {
    return maxRegressionMs;
  }

  public double minGain() {
    return minGain;
  }

  public double maxRegression() {
    return maxRegression;
  }

  public long indexBudgetBytes() {
    return indexBudgetBytes;
  }

  /** Each route's weight (calls per minute in production, or relative), by route id. */
  public static Map<String, Double> weights(Collection<Route> routes) {
    Map<String, Double> out = new LinkedHashMap<>();
    routes.forEach(r -> out.put(r.id(), r.weight()));
    return out;
  }

  /** Before/after for every route timed under JMH in both scenarios. */
  public List<RouteDelta> deltas(
      Map<String, RouteResult> baseline,
      Map<String, RouteResult> candidate,
      List<String> writersOfIndexedTable,
      List<String> indexNames) {
    return collect(baseline, candidate, true, writersOfIndexedTable, indexNames);
  }

  /**
   * Before/after from EXPLAIN alone, for every route captured in both scenarios: the JMH fields are
   * NaN and nothing is significant. What {@link #worthTiming} reads before anything is timed.
   */
  public List<RouteDelta> explainDeltas(
      Map<String, RouteResult> baseline,
      Map<String, RouteResult> candidate,
      List<String> writersOfIndexedTable,
      List<String> indexNames) {
    return collect(baseline, candidate, false, writersOfIndexedTable, indexNames);
  }

  private static List<RouteDelta> collect(
      Map<String, RouteResult> baseline,
      Map<String, RouteResult> candidate,
      boolean timed,
      List<String> writersOfIndexedTable,
      List<String> indexNames) {
    List<RouteDelta> out = new ArrayList<>();
    for (RouteResult after : candidate.values()) {
      RouteResult before = baseline.get(after.id());
      if (before == null) {
        continue;
      }
      if (timed && before.timing() != null && after.timing() != null) {
        out.add(delta(before, after, writersOfIndexedTable, indexNames));
      } else if (!timed && captured(before) && captured(after)) {
        out.add(
            delta(
                before.withTiming(null),
                after.withTiming(null),
                writersOfIndexedTable,
                indexNames));
      }
    }
    return out;
  }

  private static boolean captured(RouteResult r) {
    return r.statements() != null && !r.statements().isEmpty();
  }

  private static RouteDelta delta(
      RouteResult before,
      RouteResult after,
      List<String> writersOfIndexedTable,
      List<String> indexNames) {
    boolean timed = before.timing() != null && after.timing() != null;
    return new RouteDelta(
        after.id(),
        timed ? before.timing().mean() : Double.NaN,
        timed ? after.timing().mean() : Double.NaN,
        timed ? before.timing().p95() : Double.NaN,
        timed ? after.timing().p95() : Double.NaN,
        explainMs(before),
        explainMs(after),
        buffers(before),
        buffers(after),
        wal(before),
        wal(after),
        writersOfIndexedTable.contains(after.id()),
        usesAny(after, indexNames),
        timed && significant(before, after),
        before.hotUpdateShare(),
        after.hotUpdateShare());
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
            "no route that uses it got %.0f%% faster in EXPLAIN with fewer shared buffers"
                + " (not timed under JMH)",
            100 * minGain);
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
              "; EXPLAIN of %s rose from %.3f to %.3f ms, with more shared buffers",
              worst.route(),
              worst.explainBeforeMs(),
              worst.explainAfterMs());
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
    double saved = 0;
    for (RouteDelta d : deltas) {
      boolean counts = d.meanAfterMs() < d.meanBeforeMs() || workGrew(d);
      if ((isDrop || causal(d)) && d.significant() && counts) {
        saved += weights.getOrDefault(d.route(), 1.0) * (d.meanBeforeMs() - d.meanAfterMs());
      }
    }
    RouteDelta worst = null;
    for (RouteDelta d : regressions(isDrop, deltas)) {
      if (worst == null || ratio(worst) < ratio(d)) {
        worst = d;
      }
    }
    if (worst != null) {
      return new Decision(
          false,
          String.format(
              Locale.ROOT,
              "%s got %.0f%% slower (%.3f → %.3f ms)",
              worst.route(),
              100 * ratio(worst),
              worst.meanBeforeMs(),
              worst.meanAfterMs()),
          saved);
    }
    if (isDrop) {
      return new Decision(true, "no route got significantly slower without it", saved);
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
              "the weighted workload got slower: %.3f ms more per minute of traffic",
              -saved),
          saved);
    }
    RouteDelta best = null;
    for (RouteDelta d : deltas) {
      if (d.usesCandidate() && improves(d) && (best == null || gain(d) > gain(best))) {
        best = d;
      }
    }
    if (best == null) {
      return new Decision(
          false,
          String.format(
              Locale.ROOT,
              "no route improved by %.0f%% or more in EXPLAIN, with fewer shared buffers and a"
                  + " lower JMH mean",
              100 * minGain),
          saved);
    }
    return new Decision(
        true,
        String.format(
            Locale.ROOT,
            "%s %.0f%% faster (EXPLAIN %.3f → %.3f ms, JMH mean %.3f → %.3f ms)",
            best.route(),
            100 * gain(best),
            best.explainBeforeMs(),
            best.explainAfterMs(),
            best.meanBeforeMs(),
            best.meanAfterMs()),
        saved);
  }

  /** The routes that regress with the candidate, as the rule sees them: each blocks it. */
  public List<RouteDelta> regressions(boolean isDrop, List<RouteDelta> deltas) {
    return deltas.stream().filter(d -> (isDrop || causal(d)) && regresses(d)).toList();
  }

  /**
   * Whether the candidate can have caused a route's change: its plans use the candidate (or it is
   * the rewritten route), or it writes the indexed table. Other routes' differences between two
   * scenarios measured minutes apart are machine drift and count for nothing.
   */
  private static boolean causal(RouteDelta d) {
    return d.usesCandidate() || d.writesIndexedTable();
  }

  /**
   * A regression must show in both measurements: JMH's mean significantly slower by more than
   * {@code maxRegression}, and the EXPLAIN median slower by more than {@code maxRegression} and
   * {@link #MIN_EXPLAIN_MS} (when EXPLAIN has numbers). JMH runs of two scenarios happen minutes
   * apart, so machine drift alone can move a mean past its interval; EXPLAIN of the same statements
   * confirms the work itself grew. A route JMH did not time (a candidate rejected on EXPLAIN)
   * regresses when EXPLAIN shows more work and time by the same margins.
   */
  private boolean regresses(RouteDelta d) {
    if (d.untimed()) {
      // not timed: EXPLAIN alone, by the same margins
      double grew = d.explainAfterMs() - d.explainBeforeMs();
      return workGrew(d) && grew > maxRegression * d.explainBeforeMs() && grew > maxRegressionMs;
    }
    boolean jmh =
        d.significant()
            && ratio(d) > maxRegression
            && d.meanAfterMs() - d.meanBeforeMs() > maxRegressionMs;
    if (!jmh) {
      return false;
    }
    if (!(d.explainBeforeMs() > 0) || !Double.isFinite(d.explainAfterMs())) {
      return true;
    }
    double grew = d.explainAfterMs() - d.explainBeforeMs();
    return workGrew(d) && grew > maxRegression * d.explainBeforeMs();
  }

  /**
   * Whether EXPLAIN shows the route doing more work with the candidate: its median execution time
   * grew by more than {@link #MIN_EXPLAIN_MS}, and its shared buffers by more than {@code
   * maxRegression}. A busier machine slows both JMH and EXPLAIN of a later scenario, but it does
   * not make a plan read more pages; an index's real cost does (a worse plan reads many more, and a
   * small write touches its index pages on top of a few heap pages). A long statement that only
   * gained an index update or two is within the margin, as its time change would be.
   */
  private boolean workGrew(RouteDelta d) {
    if (!(d.explainBeforeMs() > 0) || !Double.isFinite(d.explainAfterMs())) {
      return true;
    }
    return d.explainAfterMs() - d.explainBeforeMs() > MIN_EXPLAIN_MS
        && d.buffersAfter() > d.buffersBefore() * (1 + maxRegression);
  }

  private boolean improves(RouteDelta d) {
    return explainGain(d) && d.meanAfterMs() < d.meanBeforeMs();
  }

  /** EXPLAIN's median at least {@code minGain} faster, with fewer shared buffers. */
  private boolean explainGain(RouteDelta d) {
    return d.explainBeforeMs() > 0
        && d.explainAfterMs() <= d.explainBeforeMs() * (1 - minGain)
        && d.buffersAfter() < d.buffersBefore();
  }

  private static double gain(RouteDelta d) {
    double jmh = 1 - d.meanAfterMs() / d.meanBeforeMs();
    double explain = d.explainBeforeMs() > 0 ? 1 - d.explainAfterMs() / d.explainBeforeMs() : 0;
    return Math.max(jmh, explain);
  }

  private static double ratio(RouteDelta d) {
    return (d.meanAfterMs() - d.meanBeforeMs()) / d.meanBeforeMs();
  }

  /** True when the two JMH means' confidence intervals do not overlap. */
  public static boolean significant(RouteResult before, RouteResult after) {
    RunResults.Timing a = before.timing();
    RunResults.Timing b = after.timing();
    double ea = Double.isFinite(a.error()) ? a.error() : 0;
    double eb = Double.isFinite(b.error()) ? b.error() : 0;
    return Math.abs(a.mean() - b.mean()) > ea + eb;
  }

  /** Sum of the statements' median EXPLAIN execution times (triggers included). */
  public static double explainMs(RouteResult r) {
    return r.statements() == null
        ? 0
        : r.statements().stream().mapToDouble(RunResults.StatementCapture::medianExecutionMs).sum();
  }

  private static long buffers(RouteResult r) {
    return r.statements() == null
        ? 0
        : r.statements().stream().mapToLong(RunResults.StatementCapture::sharedBuffers).sum();
  }

  private static long wal(RouteResult r) {
    return r.statements() == null
        ? 0
        : r.statements().stream().mapToLong(RunResults.StatementCapture::walBytes).sum();
  }

  private static boolean usesAny(RouteResult r, List<String> indexNames) {
    return usesAny(r.statements(), indexNames);
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
