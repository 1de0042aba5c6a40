package dev.indexlab.gate;

import dev.indexlab.stats.SampleSummary;
import dev.indexlab.stats.Significance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a route got slower or faster, at two levels.
 *
 * <ol>
 *   <li><b>Samples</b>: {@link Significance}, the rule {@code run} decides with, on the JMH
 *       samples, with {@link GateThresholds#timeMs()} as its floor: slower when the bootstrap
 *       interval of the ratio of medians lies wholly beyond {@code 1 + threshold}, Mann-Whitney p
 *       below the test's alpha and the medians at least {@code timeMs} apart ({@link
 *       Significance.Change#slowerBy}; the summary states the test's figures, {@link
 *       GateSummary#method}). This sees the noise between invocations, not the noise between JMH
 *       runs: two forks of the same code on a busy machine differ by more than their samples
 *       suggest.
 *   <li><b>Runs</b>: the effect must also clear the threshold by {@value #Z} standard errors of the
 *       run-to-run noise this very run shows (one-sided 0.1%):
 *       <ul>
 *         <li>against a stored baseline: each route's log ratio of medians, less the machine factor
 *             (their median over the routes whose plans, indexes and shared buffers did not change,
 *             the <em>controls</em>); the noise is the robust spread (1.4826 × MAD) of those
 *             routes' log ratios, at least {@value GateThresholds#MIN_ROUTES_FOR_FACTOR} of them;
 *         <li>interleaved A/B: each round pairs one JMH run per side, back to back; the effect is
 *             the mean of the rounds' log ratios and its standard error σ/√rounds, σ being the
 *             larger of the robust spread of the rounds around their route's mean, pooled over the
 *             routes, and the route's own standard deviation over its rounds (a route whose rounds
 *             disagree is not trusted on the pooled figure).
 *       </ul>
 *       Without enough data for the noise (few routes, one round), the sample level decides alone
 *       and a note says so.
 * </ol>
 *
 * A second measurement of a route that was slower on time alone ({@link #judgeAgain}) is judged by
 * the same rule; against a stored baseline its factor is the ratio of an unchanged reference route
 * measured alternately with it, and the run-level standard error is σ√2 (two routes' noise).
 */
final class TimeRule {
  /** Standard errors of run noise an effect must clear: one-sided 0.1%. */
  static final double Z = 3.09;

  /** Fewest degrees of freedom of round residuals to estimate the A/B noise from. */
  static final int MIN_ROUND_DOF = 4;

  private static final double MAD_TO_SIGMA = 1.4826;

  private final GateThresholds thresholds;
  private final Significance significance;
  private double logFactor;
  private Double sigma;
  private boolean paired;
  private int controls;
  private String basis = "";
  private final List<String> notes = new ArrayList<>();

  /** One measurement judged: the figures, and whether it counts as slower or faster. */
  record Judgement(TimeMeasurement measurement) {
    boolean regression() {
      return measurement.slower();
    }

    boolean improvement() {
      return measurement.faster();
    }
  }

  TimeRule(GateThresholds thresholds) {
    this.thresholds = thresholds;
    this.significance = thresholds.significance();
  }

  /** Run-level remarks: the machine factor and the noise, or why there are none. */
  List<String> notes() {
    return List.copyOf(notes);
  }

  /** The machine factor, or null when times are not normalized. */
  Double factor() {
    return normalizing() ? Math.exp(logFactor) : null;
  }

  /** The run-to-run noise σ (log), or null when none was estimated. */
  Double sigma() {
    return sigma;
  }

  /** How many routes the machine factor and the noise came from (against a baseline). */
  int controls() {
    return controls;
  }

  /** One sentence: how times were compared in this run (the first of {@link #notes()}). */
  String basis() {
    return basis;
  }

  private boolean normalizing() {
    return thresholds.normalize() && sigma != null;
  }

  /**
   * Studies the run before judging routes.
   *
   * @param controls routes measured on both sides whose plans, indexes and buffers did not change
   * @param comparable every route measured and timed on both sides
   */
  void calibrate(List<RouteSnapshot[]> controls, List<RouteSnapshot[]> comparable) {
    double threshold = Math.log1p(thresholds.time());
    if (thresholds.normalize()) {
      double[] logs =
          controls.stream().mapToDouble(p -> Math.log(median(p[1]) / median(p[0]))).toArray();
      this.controls = logs.length;
      if (logs.length < GateThresholds.MIN_ROUTES_FOR_FACTOR) {
        note(
            "no machine factor: only "
                + logs.length
                + " route(s) with unchanged plans and buffers, "
                + GateThresholds.MIN_ROUTES_FOR_FACTOR
                + " needed for the machine factor and the run-to-run noise; times were compared"
                + " as measured, on their samples alone");
        return;
      }
      logFactor = SampleSummary.median(logs);
      sigma =
          MAD_TO_SIGMA
              * SampleSummary.median(
                  Arrays.stream(logs).map(x -> Math.abs(x - logFactor)).toArray());
      note(
          String.format(
              Locale.ROOT,
              "machine factor ×%.2f (median time ratio of the %d routes with unchanged plans and"
                  + " buffers; current times were divided by it); run-to-run noise σ = %.2f (log):"
                  + " a route counts as slower beyond ×%.2f, faster below ×%.2f",
              Math.exp(logFactor),
              logs.length,
              sigma,
              Math.exp(threshold + Z * sigma),
              Math.exp(-threshold - Z * sigma)));
      return;
    }
    List<Double> residuals = new ArrayList<>();
    int dof = 0;
    int rounds = Integer.MAX_VALUE;
    for (RouteSnapshot[] p : comparable) {
      double[] d = roundLogs(p[0], p[1]);
      if (d.length < 2) {
        continue;
      }
      double mean = Arrays.stream(d).average().orElse(0);
      double scale = Math.sqrt(d.length / (d.length - 1.0));
      for (double x : d) {
        residuals.add(Math.abs(x - mean) * scale);
      }
      dof += d.length - 1;
      rounds = Math.min(rounds, d.length);
    }
    if (dof < MIN_ROUND_DOF) {
      note(
          "too few rounds to estimate the noise between JMH runs; times were compared on their"
              + " samples alone");
      return;
    }
    paired = true;
    sigma =
        MAD_TO_SIGMA
            * SampleSummary.median(residuals.stream().mapToDouble(Double::doubleValue).toArray());
    note(
        String.format(
            Locale.ROOT,
            "noise between JMH runs σ = %.2f (log, from %d round residuals); with %d rounds a"
                + " route counts as slower beyond ×%.2f, faster below ×%.2f",
            sigma,
            residuals.size(),
            rounds,
            Math.exp(threshold + Z * sigma / Math.sqrt(rounds)),
            Math.exp(-threshold - Z * sigma / Math.sqrt(rounds))));
  }

  private void note(String text) {
    if (basis.isEmpty()) {
      basis = text;
    }
    notes.add(text);
  }

  /** Judges the first measurement of one route measured and timed on both sides. */
  Judgement judge(RouteSnapshot before, RouteSnapshot after) {
    return normalizing()
        ? judge("first measurement", before, after, logFactor, null, sigma)
        : judge("first measurement", before, after, 0, null, null);
  }

  /**
   * Judges a second measurement of a route that was slower on time alone.
   *
   * @param again the route measured again (head's side in an A/B run)
   * @param baseAgain base's side measured again in an A/B run, else null ({@code before} stands)
   * @param reference the unchanged route measured alternately with it, or null
   * @param referenceBefore that route in the baseline
   * @param referenceAgain that route measured again
   */
  Judgement judgeAgain(
      RouteSnapshot before,
      RouteSnapshot again,
      RouteSnapshot baseAgain,
      String reference,
      RouteSnapshot referenceBefore,
      RouteSnapshot referenceAgain) {
    RouteSnapshot b = baseAgain == null ? before : baseAgain;
    boolean withReference =
        reference != null
            && !paired
            && thresholds.normalize()
            && referenceBefore != null
            && referenceAgain != null
            && comparable(referenceBefore, referenceAgain);
    if (!withReference) {
      String label =
          baseAgain == null ? "second measurement" : "second measurement (both sides again)";
      return normalizing()
          ? judge(label, b, again, logFactor, null, sigma)
          : judge(label, b, again, 0, null, null);
    }
    double local = Math.log(median(referenceAgain) / median(referenceBefore));
    return judge(
        "second measurement, alternating with `" + reference + "`",
        b,
        again,
        local,
        reference,
        sigma == null ? null : sigma * Math.sqrt(2));
  }

  /**
   * The rule itself: samples divided by {@code exp(logF)}, compared by {@link Significance}; then
   * the run level, against {@code se} (null: samples alone) or, in a paired A/B run, the rounds.
   */
  private Judgement judge(
      String label,
      RouteSnapshot before,
      RouteSnapshot after,
      double logF,
      String reference,
      Double givenSe) {
    double[] b = positive(before.samples());
    double[] a = positive(after.samples());
    double f = Math.exp(logF);
    for (int i = 0; i < a.length; i++) {
      a[i] /= f;
    }
    Significance.Change change = significance.compare(b, a);
    double t = thresholds.time();
    boolean sampleSlower = change.slowerBy(t, thresholds.timeMs());
    boolean sampleFaster = change.fasterBy(t / (1 + t));
    double effect;
    Double se = null;
    double[] d = roundLogs(before, after);
    if (paired && d.length >= 2) {
      double mean = mean(d);
      effect = mean;
      double own =
          Math.sqrt(Arrays.stream(d).map(x -> (x - mean) * (x - mean)).sum() / (d.length - 1));
      se = Math.max(sigma, own) / Math.sqrt(d.length);
    } else if (givenSe != null) {
      effect = Math.log(median(after) / median(before)) - logF;
      se = givenSe;
    } else {
      effect = Math.log(change.ratio());
    }
    double bar = Math.log1p(t) + (se == null ? 0 : Z * se);
    boolean slower = sampleSlower && (se == null || effect > bar);
    boolean faster = sampleFaster && (se == null || effect < -bar);
    boolean divided = logF != 0 || givenSe != null && !paired;
    return new Judgement(
        new TimeMeasurement(
            label,
            median(before),
            median(after),
            divided ? f : null,
            reference,
            change,
            Math.exp(effect),
            se == null ? Double.NaN : Math.exp(bar),
            slower,
            faster));
  }

  private static double mean(double[] d) {
    return Arrays.stream(d).average().orElse(0);
  }

  /** Log ratios of the paired runs (round by round), as many as both sides have. */
  private static double[] roundLogs(RouteSnapshot before, RouteSnapshot after) {
    double[] b = before.runMedians();
    double[] a = after.runMedians();
    int k = Math.min(a.length, b.length);
    double[] out = new double[k];
    for (int i = 0; i < k; i++) {
      if (!(a[i] > 0 && b[i] > 0)) {
        return new double[0];
      }
      out[i] = Math.log(a[i] / b[i]);
    }
    return k >= 2 ? out : new double[0];
  }

  static double median(RouteSnapshot r) {
    return r.time() == null ? Double.NaN : r.time().p50();
  }

  private static double[] positive(double[] samples) {
    return Arrays.stream(samples).filter(v -> v > 0 && Double.isFinite(v)).toArray();
  }

  /** Whether a route has what {@link #judge} needs on both sides. */
  static boolean comparable(RouteSnapshot before, RouteSnapshot after) {
    return before.samples().length > 0
        && after.samples().length > 0
        && median(before) > 0
        && median(after) > 0;
  }
}
