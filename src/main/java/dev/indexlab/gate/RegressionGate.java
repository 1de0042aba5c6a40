package dev.indexlab.gate;

import dev.indexlab.stats.Numbers;
import dev.indexlab.text.ReportFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares a current measurement with a baseline, route by route, and decides what regressed:
 *
 * <ul>
 *   <li><b>plan shape</b> ({@link PlanShapeRules}): a new sequential scan of a large table, an
 *       index no longer used, a new spill to disk;
 *   <li><b>buffers</b>: a statement's shared buffers per execution (hit + read, cascades included,
 *       median over the draws) rose by more than {@link GateThresholds#buffers()} and at least
 *       {@link GateThresholds#minBufferRise()} blocks. With the same seed and plan these counts are
 *       the same on every run, so no statistics are needed;
 *   <li><b>time</b> ({@link TimeRule}): the median got slower by more than {@link
 *       GateThresholds#time()}, significantly at the level of the samples (bootstrap interval and
 *       rank test) and of the runs (beyond the run-to-run noise the run itself shows).
 * </ul>
 *
 * <p>Against a stored baseline ({@link GateThresholds#normalize()}), current times are divided by
 * the machine factor first: the median time ratio over the routes whose plans and buffers did not
 * change. A runner 1.5× slower than the one that saved the baseline then fails no route; a change
 * that slows every route alike is caught by plans and buffers only, or by an interleaved A/B run.
 */
final class RegressionGate {
  private final GateThresholds thresholds;
  private final PlanShapeRules planRules;

  public RegressionGate(GateThresholds thresholds) {
    this.thresholds = thresholds;
    this.planRules = new PlanShapeRules(thresholds);
  }

  /**
   * Plan and buffer findings and improvements of one route pair, before time is compared; {@code
   * unchanged} when every statement kept its plan nodes and its shared buffers.
   */
  private record Shape(
      List<GateFinding> findings,
      List<String> improvements,
      List<String> notes,
      long[] buffers,
      boolean unchanged,
      String planChanges) {}

  /** Compares {@code current} with {@code baseline}; {@code notes} are run-level remarks. */
  public GateOutcome compare(Baseline baseline, Baseline current, List<String> notes) {
    return compare(baseline, current, notes, Remeasurement.none());
  }

  /**
   * Compares {@code current} with {@code baseline}, judging the routes that were slower on time
   * alone on their second measurement too ({@code again}): such a route fails only when both
   * measurements call it slower. A route slower on time alone without a second measurement fails,
   * and {@link GateOutcome#timeOnlyRegressions()} names it for the caller to measure again.
   */
  public GateOutcome compare(
      Baseline baseline, Baseline current, List<String> notes, Remeasurement again) {
    List<String> runNotes = new ArrayList<>(notes);
    runNotes.addAll(MetaCheck.notes(baseline.meta(), current.meta()));
    Set<String> ids = new LinkedHashSet<>();
    baseline.routes().forEach(r -> ids.add(r.id()));
    current.routes().forEach(r -> ids.add(r.id()));

    Map<String, Shape> shapes = new TreeMap<>();
    for (String id : ids) {
      RouteSnapshot b = baseline.route(id).orElse(null);
      RouteSnapshot c = current.route(id).orElse(null);
      if (b != null && c != null && b.measured() && c.measured()) {
        shapes.put(id, shape(b, c));
      }
    }
    List<RouteSnapshot[]> controls = new ArrayList<>();
    List<RouteSnapshot[]> comparable = new ArrayList<>();
    shapes.forEach(
        (id, s) -> {
          RouteSnapshot[] pair = {
            baseline.route(id).orElseThrow(), current.route(id).orElseThrow()
          };
          if (TimeRule.comparable(pair[0], pair[1])) {
            comparable.add(pair);
            if (s.unchanged()) {
              controls.add(pair);
            }
          }
        });
    TimeRule time = new TimeRule(thresholds);
    time.calibrate(controls, comparable);
    runNotes.addAll(time.notes());
    // Each verdict bootstraps its own samples (seeded, so the order changes nothing): on two
    // cores the routes are judged two at a time, a few seconds less per gate run.
    List<RouteVerdict> verdicts =
        new ArrayList<>(ids)
            .parallelStream()
                .map(
                    id ->
                        verdict(
                            id,
                            baseline.route(id).orElse(null),
                            current.route(id).orElse(null),
                            shapes.get(id),
                            time,
                            baseline,
                            again))
                .toList();
    return new GateOutcome(
        verdicts, runNotes, time.factor(), time.controls(), time.sigma(), time.basis());
  }

  private RouteVerdict verdict(
      String id,
      RouteSnapshot b,
      RouteSnapshot c,
      Shape s,
      TimeRule timeRule,
      Baseline baseline,
      Remeasurement again) {
    if (b == null) {
      return simple(c, RouteVerdict.Status.ADDED, "new since the baseline; nothing to compare");
    }
    if (c == null) {
      return simple(b, RouteVerdict.Status.REMOVED, "in the baseline, not in this workload");
    }
    if (!c.measured()) {
      if (!b.measured()) {
        return simple(c, RouteVerdict.Status.SKIPPED, "fails, as in the baseline: " + c.error());
      }
      GateFinding failed =
          new GateFinding(
              GateFinding.Kind.FAILED, null, "fails now", c.error(), List.of(), List.of());
      return new RouteVerdict(
          id,
          c.name(),
          RouteVerdict.Status.ERROR,
          List.of(failed),
          List.of(),
          List.of(),
          TimeRule.median(b),
          Double.NaN,
          -1,
          -1,
          c.seconds(),
          false,
          List.of());
    }
    if (!b.measured()) {
      return simple(c, RouteVerdict.Status.SKIPPED, "failed in the baseline: " + b.error());
    }
    List<GateFinding> findings = new ArrayList<>(s.findings());
    List<String> improvements = new ArrayList<>(s.improvements());
    List<String> notes = new ArrayList<>(s.notes());
    List<TimeMeasurement> timings = new ArrayList<>();
    double seconds = c.seconds();
    if (TimeRule.comparable(b, c)) {
      TimeRule.Judgement first = timeRule.judge(b, c);
      timings.add(first.measurement());
      boolean slower = first.regression();
      RouteSnapshot second = again.current().get(id);
      if (slower && s.unchanged() && second != null && TimeRule.comparable(b, second)) {
        String ref = again.references().get(id);
        TimeRule.Judgement j =
            timeRule.judgeAgain(
                b,
                second,
                again.base().get(id),
                ref,
                ref == null ? null : baseline.route(ref).orElse(null),
                again.referenceRuns().get(id));
        timings.add(j.measurement());
        seconds += second.seconds();
        slower = j.regression();
        if (!slower) {
          notes.add(
              "time only: plan and buffers unchanged"
                  + buffersPhrase(s)
                  + "; slower at first, cleared by a second measurement. "
                  + describe(timings));
        }
      }
      if (slower) {
        findings.add(timeFinding(s, timings));
      } else if (first.improvement()) {
        improvements.add("faster: " + first.measurement().describe());
      }
    } else {
      notes.add("time not compared: no samples on one side");
    }
    RouteVerdict.Status status =
        findings.isEmpty() ? RouteVerdict.Status.PASS : RouteVerdict.Status.FAIL;
    return new RouteVerdict(
        id,
        c.name(),
        status,
        findings,
        improvements,
        notes,
        TimeRule.median(b),
        TimeRule.median(c),
        s.buffers()[0],
        s.buffers()[1],
        seconds,
        s.unchanged(),
        timings);
  }

  /** The time finding: what was measured, and whether plans or buffers changed with it. */
  private static GateFinding timeFinding(Shape s, List<TimeMeasurement> timings) {
    TimeMeasurement first = timings.get(0);
    TimeMeasurement last = timings.get(timings.size() - 1);
    String summary;
    String message;
    if (!s.unchanged()) {
      summary = String.format(Locale.ROOT, "×%s slower", Numbers.ratio(first.effect()));
      message =
          "slower, with its plans or buffers changed"
              + (s.planChanges().isEmpty() ? "" : " (" + s.planChanges() + ")")
              + ": "
              + first.describe();
    } else if (timings.size() > 1) {
      summary =
          String.format(
              Locale.ROOT,
              "×%s slower (time only, confirmed: ×%s)",
              Numbers.ratio(first.effect()),
              Numbers.ratio(last.effect()));
      message =
          "time only: plan and buffers unchanged"
              + buffersPhrase(s)
              + "; slower in both measurements. "
              + describe(timings);
    } else {
      summary = String.format(Locale.ROOT, "×%s slower (time only)", Numbers.ratio(first.effect()));
      message =
          "time only: plan and buffers unchanged"
              + buffersPhrase(s)
              + "; slower, not measured a second time. "
              + describe(timings);
    }
    return new GateFinding(GateFinding.Kind.TIME, null, summary, message, List.of(), List.of());
  }

  private static String describe(List<TimeMeasurement> timings) {
    return String.join("; ", timings.stream().map(t -> capitalize(t.describe())).toList())
        .replace("; Second", ". Second");
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String buffersPhrase(Shape s) {
    long[] x = s.buffers();
    return x[0] < 0 || x[1] < 0
        ? ""
        : " (shared buffers "
            + ReportFormat.grouped(x[0])
            + " → "
            + ReportFormat.grouped(x[1])
            + ")";
  }

  private Shape shape(RouteSnapshot b, RouteSnapshot c) {
    Map<String, Long> rows = new TreeMap<>(b.relationRows());
    rows.putAll(c.relationRows());
    List<GateFinding> plan = new ArrayList<>();
    List<GateFinding> buffers = new ArrayList<>();
    List<String> improvements = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    long totalBefore = 0;
    long totalAfter = 0;
    boolean unchanged = c.statements().size() == b.statements().size();
    List<String> planChanges = new ArrayList<>();
    for (StatementSnapshot now : c.statements()) {
      StatementSnapshot was = b.statement(now.index(), now.label()).orElse(null);
      if (was == null) {
        notes.add(now.describe() + " is new since the baseline");
        totalBefore = -1;
        unchanged = false;
        continue;
      }
      if (was.error() != null || now.error() != null) {
        notes.add(
            now.describe()
                + " not explained: "
                + (now.error() != null ? now.error() : was.error()));
        totalBefore = -1;
        unchanged = false;
        continue;
      }
      String diff = PlanSignature.difference(PlanSignature.of(was), PlanSignature.of(now));
      if (!diff.isEmpty()) {
        unchanged = false;
        planChanges.add(now.describe() + ": " + diff);
      }
      plan.addAll(planRules.regressions(was, now, rows));
      improvements.addAll(
          planRules.improvements(was, now, rows).stream()
              .map(i -> now.describe() + ": " + i)
              .toList());
      long x = was.medianSharedBuffers();
      long y = now.medianSharedBuffers();
      totalBefore = totalBefore < 0 ? -1 : totalBefore + x;
      totalAfter += y;
      boolean rose = y - x >= thresholds.minBufferRise() && y > x * (1 + thresholds.buffers());
      boolean fell = x - y >= thresholds.minBufferRise() && y < x * (1 - thresholds.buffers());
      if (rose || fell) {
        unchanged = false;
      }
      if (rose) {
        String change = ReportFormat.percentChange(x, y);
        buffers.add(
            new GateFinding(
                GateFinding.Kind.BUFFERS,
                now.describe(),
                "shared buffers " + change,
                "shared buffers per execution "
                    + ReportFormat.grouped(x)
                    + " → "
                    + ReportFormat.grouped(y)
                    + " ("
                    + change
                    + ", threshold +"
                    + percent(thresholds.buffers())
                    + ")",
                List.of(),
                List.of()));
      } else if (fell) {
        improvements.add(
            now.describe()
                + ": shared buffers "
                + ReportFormat.grouped(x)
                + " → "
                + ReportFormat.grouped(y)
                + " ("
                + ReportFormat.percentChange(x, y)
                + ")");
      }
    }
    for (StatementSnapshot was : b.statements()) {
      if (c.statement(was.index(), was.label()).isEmpty()) {
        notes.add(was.describe() + " was removed since the baseline");
      }
    }
    List<GateFinding> findings = new ArrayList<>(plan);
    findings.addAll(buffers);
    long[] totals = {totalBefore, totalBefore < 0 ? -1 : totalAfter};
    return new Shape(
        findings,
        improvements,
        notes,
        totals,
        unchanged && findings.isEmpty(),
        String.join("; ", planChanges));
  }

  private static RouteVerdict simple(RouteSnapshot r, RouteVerdict.Status status, String note) {
    return new RouteVerdict(
        r.id(),
        r.name(),
        status,
        List.of(),
        List.of(),
        List.of(note),
        Double.NaN,
        Double.NaN,
        -1,
        -1,
        r.seconds(),
        false,
        List.of());
  }

  private static String percent(double fraction) {
    return ReportFormat.percent(fraction).substring(1);
  }
}
