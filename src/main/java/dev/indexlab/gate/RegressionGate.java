package dev.indexlab.gate;

import dev.indexlab.report.ReportFormat;
import java.util.ArrayList;
import java.util.Arrays;
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
 *   <li><b>time</b> ({@link RatioOfMedians}): the median got slower by more than {@link
 *       GateThresholds#time()}, with the whole 99% bootstrap interval of the ratio beyond it and a
 *       Mann-Whitney p below 0.01.
 * </ul>
 *
 * <p>With {@link GateThresholds#normalize()}, current times are first divided by the machine
 * factor: the median, over the routes whose plans and buffers did not change (at least {@value
 * GateThresholds#MIN_ROUTES_FOR_FACTOR}), of median(current) / median(baseline). A runner that is
 * 1.5× slower than the one that saved the baseline then does not fail every route; a change that
 * slows every route alike is not caught by time either, only by plans and buffers (or by an
 * interleaved A/B run, which needs no such correction).
 */
public final class RegressionGate {
  private final GateThresholds thresholds;
  private final RatioOfMedians ratio;
  private final PlanShapeRules planRules;

  public RegressionGate(GateThresholds thresholds) {
    this.thresholds = thresholds;
    this.ratio = new RatioOfMedians().withThreshold(thresholds.time());
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
    Double factor = thresholds.normalize() ? machineFactor(baseline, current, shapes) : null;
    if (factor != null) {
      runNotes.add(
          String.format(
              Locale.ROOT,
              "machine factor ×%.2f: the median time ratio over the routes whose plans and"
                  + " buffers did not change; current times were divided by it before comparing",
              factor));
    }
    List<RouteVerdict> verdicts = new ArrayList<>();
    for (String id : ids) {
      RouteSnapshot b = baseline.route(id).orElse(null);
      RouteSnapshot c = current.route(id).orElse(null);
      verdicts.add(verdict(id, b, c, shapes.get(id), factor == null ? 1.0 : factor));
    }
    return new GateOutcome(verdicts, runNotes, factor);
  }

  private RouteVerdict verdict(String id, RouteSnapshot b, RouteSnapshot c, Shape s, double f) {
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
    double[] before = positive(b.samples());
    double[] after = positive(c.samples());
    if (before.length > 0 && after.length > 0) {
      if (f != 1.0) {
        for (int i = 0; i < after.length; i++) {
          after[i] /= f;
        }
      }
      time = ratio.compare(before, after);
      if (time.regression()) {
        findings.add(
            new GateFinding(
                GateFinding.Kind.TIME,
                null,
                String.format(Locale.ROOT, "×%.2f slower", time.ratio()),
                "slower: " + time.describe(),
                List.of(),
                List.of()));
      } else if (time.improvement()) {
        improvements.add("faster: " + time.describe());
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

  /** The machine factor (see the class comment), or null when too few routes qualify. */
  private static Double machineFactor(
      Baseline baseline, Baseline current, Map<String, Shape> shapes) {
    List<Double> ratios = new ArrayList<>();
    shapes.forEach(
        (id, s) -> {
          if (!s.findings().isEmpty()) {
            return;
          }
          double b = median(baseline.route(id).orElseThrow());
          double c = median(current.route(id).orElseThrow());
          if (b > 0 && c > 0) {
            ratios.add(c / b);
          }
        });
    if (ratios.size() < GateThresholds.MIN_ROUTES_FOR_FACTOR) {
      return null;
    }
    double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return SampleSummary.quantile(sorted, 0.5);
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

  private static double[] positive(double[] samples) {
    return Arrays.stream(samples).filter(v -> v > 0 && Double.isFinite(v)).toArray();
  }

  private static String percent(double fraction) {
    return ReportFormat.percent(fraction).substring(1);
  }
}
