package dev.indexlab.gate;

import dev.indexlab.report.ReportFormat;
import dev.indexlab.stats.TimeVerdict;
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
public final class RegressionGate {
  private final GateThresholds thresholds;
  private final PlanShapeRules planRules;

  public RegressionGate(GateThresholds thresholds) {
    this.thresholds = thresholds;
    this.planRules = new PlanShapeRules(thresholds);
  }

  /** Plan and buffer findings and improvements of one route pair, before time is compared. */
  private record Shape(
      List<GateFinding> findings, List<String> improvements, List<String> notes, long[] buffers) {}

  /** Compares {@code current} with {@code baseline}; {@code notes} are run-level remarks. */
  public GateOutcome compare(Baseline baseline, Baseline current, List<String> notes) {
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
            if (s.findings().isEmpty()) {
              controls.add(pair);
            }
          }
        });
    TimeRule time = new TimeRule(thresholds);
    time.calibrate(controls, comparable);
    runNotes.addAll(time.notes());
    List<RouteVerdict> verdicts = new ArrayList<>();
    for (String id : ids) {
      RouteSnapshot b = baseline.route(id).orElse(null);
      RouteSnapshot c = current.route(id).orElse(null);
      verdicts.add(verdict(id, b, c, shapes.get(id), time));
    }
    return new GateOutcome(verdicts, runNotes, time.factor());
  }

  private RouteVerdict verdict(
      String id, RouteSnapshot b, RouteSnapshot c, Shape s, TimeRule timeRule) {
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
          null,
          median(b),
          Double.NaN,
          -1,
          -1,
          c.seconds());
    }
    if (!b.measured()) {
      return simple(c, RouteVerdict.Status.SKIPPED, "failed in the baseline: " + b.error());
    }
    List<GateFinding> findings = new ArrayList<>(s.findings());
    List<String> improvements = new ArrayList<>(s.improvements());
    List<String> notes = new ArrayList<>(s.notes());
    TimeVerdict time = null;
    if (TimeRule.comparable(b, c)) {
      TimeRule.Judgement j = timeRule.judge(b, c);
      time = j.samples();
      String floor =
          Double.isNaN(j.floor())
              ? ""
              : String.format(
                  Locale.ROOT, "; run-level effect ×%.2f, beyond ×%.2f", j.effect(), j.floor());
      if (j.regression()) {
        findings.add(
            new GateFinding(
                GateFinding.Kind.TIME,
                null,
                String.format(Locale.ROOT, "×%.2f slower", j.effect()),
                "slower: " + time.describe() + floor,
                List.of(),
                List.of()));
      } else if (j.improvement()) {
        improvements.add("faster: " + time.describe() + floor);
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
        time,
        median(b),
        median(c),
        s.buffers()[0],
        s.buffers()[1],
        c.seconds());
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
    for (StatementSnapshot now : c.statements()) {
      StatementSnapshot was = b.statement(now.index(), now.label()).orElse(null);
      if (was == null) {
        notes.add(now.describe() + " is new since the baseline");
        totalBefore = -1;
        continue;
      }
      if (was.error() != null || now.error() != null) {
        notes.add(
            now.describe()
                + " not explained: "
                + (now.error() != null ? now.error() : was.error()));
        totalBefore = -1;
        continue;
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
      if (y - x >= thresholds.minBufferRise() && y > x * (1 + thresholds.buffers())) {
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
      } else if (x - y >= thresholds.minBufferRise() && y < x * (1 - thresholds.buffers())) {
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
    return new Shape(findings, improvements, notes, totals);
  }

  private static RouteVerdict simple(RouteSnapshot r, RouteVerdict.Status status, String note) {
    return new RouteVerdict(
        r.id(),
        r.name(),
        status,
        List.of(),
        List.of(),
        List.of(note),
        null,
        Double.NaN,
        Double.NaN,
        -1,
        -1,
        r.seconds());
  }

  private static double median(RouteSnapshot r) {
    return r.time() == null ? Double.NaN : r.time().p50();
  }

  private static String percent(double fraction) {
    return ReportFormat.percent(fraction).substring(1);
  }
}
