package dev.indexlab.gate;

import static dev.indexlab.gate.GateFixtures.baseline;
import static dev.indexlab.gate.GateFixtures.deleteUserWith;
import static dev.indexlab.gate.GateFixtures.lognormal;
import static dev.indexlab.gate.GateFixtures.route;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Slow-downs on time alone (plans and buffers unchanged): the absolute floor, the machine factor
 * from unchanged routes only, and the second measurement that confirms or clears them.
 */
class TimeOnlyTest {
  static final Map<String, Long> ROWS = Map.of("song_history", 919_039L, "users", 911L);

  /** Six unchanged routes from 0.1 to 20 ms, the same distribution before and now. */
  static List<RouteSnapshot> steady(int seed) {
    double[] medians = {0.1, 0.3, 1, 3, 8, 20};
    List<RouteSnapshot> out = new ArrayList<>();
    for (int i = 0; i < medians.length; i++) {
      out.add(route("r" + i, lognormal(2000, medians[i], 0.2, seed + i), Map.of()));
    }
    return out;
  }

  static Baseline with(List<RouteSnapshot> routes, RouteSnapshot... more) {
    List<RouteSnapshot> all = new ArrayList<>(routes);
    all.addAll(List.of(more));
    return baseline(all.toArray(RouteSnapshot[]::new));
  }

  @Test
  void aTimeOnlySlowDownUnderTheFloorInMsPasses() {
    // 0.10 → 0.18 ms: ×1.8 with thousands of samples, but 0.08 ms per call
    RouteSnapshot before = route("fast", lognormal(4000, 0.10, 0.1, 1), Map.of());
    RouteSnapshot now = route("fast", lognormal(4000, 0.18, 0.1, 2), Map.of());
    GateThresholds raw = GateThresholds.defaults().withNormalize(false);

    GateOutcome passes =
        new RegressionGate(raw).compare(baseline(before), baseline(now), List.of());
    GateOutcome lowFloor =
        new RegressionGate(raw.withTimeMs(0.05))
            .compare(baseline(before), baseline(now), List.of());

    assertThat(GateThresholds.DEFAULT_TIME_MS).isEqualTo(0.1);
    assertThat(passes.exitCode()).isZero();
    assertThat(passes.routes().get(0).timings().get(0).change().ratio()).isBetween(1.7, 1.9);
    assertThat(passes.timeOnlyRegressions()).isEmpty();
    assertThat(lowFloor.timeOnlyRegressions()).containsExactly("fast");
  }

  @Test
  void theMachineFactorComesFromRoutesWhosePlansAndBuffersDidNotChange() {
    // users_delete changed plan (Seq Scan → Bitmap Heap Scan, an improvement, not a finding) and
    // got 50x faster: it must not pull the machine factor
    RouteSnapshot before =
        route(
            "users_delete",
            lognormal(2000, 50, 0.2, 7),
            ROWS,
            deleteUserWith("writeup-song-history-seq-scan", 5000));
    RouteSnapshot now =
        route(
            "users_delete",
            lognormal(2000, 1, 0.2, 8),
            ROWS,
            deleteUserWith("writeup-song-history-bitmap", 40));
    List<RouteSnapshot> slowerMachine = new ArrayList<>();
    for (RouteSnapshot r : steady(100)) {
      double[] s = r.samples();
      for (int i = 0; i < s.length; i++) {
        s[i] *= 1.3;
      }
      slowerMachine.add(route(r.id(), s, Map.of()));
    }

    GateOutcome o =
        new RegressionGate(GateThresholds.defaults())
            .compare(with(steady(0), before), with(slowerMachine, now), List.of());

    assertThat(o.unchangedRoutes()).isEqualTo(6);
    assertThat(o.machineFactor()).isBetween(1.25, 1.35);
    assertThat(o.timeBasis()).startsWith("machine factor ×1.3").contains("of the 6 routes");
    RouteVerdict delete = o.routes().get(6);
    assertThat(delete.planAndBuffersUnchanged()).isFalse();
    assertThat(delete.improvements()).isNotEmpty();
    assertThat(o.exitCode()).isZero();
  }

  /**
   * The floor and the threshold apply to times divided by the machine factor: on a machine twice as
   * slow, 0.08 → 0.20 ms is 0.12 ms per call as measured but 0.02 ms after the factor, so the route
   * is no suspect and costs no second measurement; compared raw, it would be one.
   */
  @Test
  void aSlowDownOverTheFloorOnlyBeforeTheMachineFactorIsNotMeasuredAgain() {
    RouteSnapshot before = route("fast", lognormal(4000, 0.08, 0.1, 21), Map.of());
    RouteSnapshot now = route("fast", lognormal(4000, 0.20, 0.1, 22), Map.of());
    List<RouteSnapshot> twiceAsSlow = new ArrayList<>();
    for (RouteSnapshot r : steady(0)) {
      double[] s = r.samples().clone();
      for (int i = 0; i < s.length; i++) {
        s[i] *= 2;
      }
      twiceAsSlow.add(route(r.id(), s, Map.of()));
    }
    Baseline was = with(steady(0), before);
    Baseline is = with(twiceAsSlow, now);

    GateOutcome normalized =
        new RegressionGate(GateThresholds.defaults()).compare(was, is, List.of());
    GateOutcome raw =
        new RegressionGate(GateThresholds.defaults().withNormalize(false))
            .compare(was, is, List.of());

    assertThat(normalized.machineFactor()).isBetween(1.99, 2.01);
    assertThat(normalized.timeOnlyRegressions()).isEmpty();
    assertThat(normalized.exitCode()).isZero();
    assertThat(raw.timeOnlyRegressions()).contains("fast");
  }

  /** A gate with a 0.1 ms route that was ×3 slower in its first measurement. */
  static Baseline[] suspect() {
    RouteSnapshot before = route("spiky", lognormal(3000, 0.5, 0.1, 11), Map.of());
    RouteSnapshot now = route("spiky", lognormal(3000, 1.5, 0.1, 12), Map.of());
    return new Baseline[] {with(steady(0), before), with(steady(50), now)};
  }

  @Test
  void aTimeOnlySlowDownIsMeasuredAgainAlternatingWithTheUnchangedRouteNearestInSpeed() {
    Baseline[] b = suspect();
    GateOutcome first =
        new RegressionGate(GateThresholds.defaults()).compare(b[0], b[1], List.of());

    assertThat(first.timeOnlyRegressions()).containsExactly("spiky");
    assertThat(first.referenceFor("spiky")).contains("r1"); // 0.3 ms, nearest to 0.5 ms
    assertThat(first.routes().get(6).headline()).endsWith("slower (time only)");
  }

  @Test
  void aSecondMeasurementAsSlowAsTheFirstConfirmsIt() {
    Baseline[] b = suspect();
    RegressionGate gate = new RegressionGate(GateThresholds.defaults());
    Remeasurement again =
        new Remeasurement(
            Map.of("spiky", route("spiky", lognormal(3000, 1.5, 0.1, 13), Map.of())),
            Map.of(),
            Map.of("spiky", "r1"),
            Map.of("spiky", route("r1", lognormal(3000, 0.3, 0.2, 14), Map.of())));

    GateOutcome o = gate.compare(b[0], b[1], List.of(), again);

    RouteVerdict r = o.routes().get(6);
    assertThat(r.status()).isEqualTo(RouteVerdict.Status.FAIL);
    assertThat(r.timings()).hasSize(2);
    assertThat(r.headline())
        .matches("×[23]\\.\\d\\d slower \\(time only, confirmed: ×[23]\\.\\d\\d\\)");
    assertThat(r.findings().get(0).message())
        .startsWith("time only: plan and buffers unchanged")
        .containsPattern("First measurement: median 0\\.\\d+ → 1\\.\\d+ ms \\(×3")
        .contains("Second measurement, alternating with `r1`: median 0.");
    assertThat(o.timeOnlyRegressions()).as("already measured twice").isEmpty();
    assertThat(o.exitCode()).isEqualTo(1);
  }

  @Test
  void aSecondMeasurementAtTheReferencesPaceClearsIt() {
    Baseline[] b = suspect();
    RegressionGate gate = new RegressionGate(GateThresholds.defaults());
    // measured again, spiky is still ×3, but so is its reference r1 now: the machine, not the route
    Remeasurement again =
        new Remeasurement(
            Map.of("spiky", route("spiky", lognormal(3000, 1.5, 0.1, 13), Map.of())),
            Map.of(),
            Map.of("spiky", "r1"),
            Map.of("spiky", route("r1", lognormal(3000, 0.9, 0.2, 14), Map.of())));

    GateOutcome o = gate.compare(b[0], b[1], List.of(), again);

    RouteVerdict r = o.routes().get(6);
    assertThat(r.status()).isEqualTo(RouteVerdict.Status.PASS);
    assertThat(r.remeasured()).isTrue();
    assertThat(r.timings().get(1).factor()).isBetween(2.8, 3.2);
    assertThat(r.notes())
        .anyMatch(
            n ->
                n.startsWith(
                    "time only: plan and buffers unchanged (shared buffers 0 → 0); slower at"
                        + " first, cleared by a second measurement."));
    assertThat(o.verdictLine("indexlab gate"))
        .isEqualTo("indexlab gate: PASS 7 passed, 1 cleared by a second measurement");
    assertThat(GateSummary.render(o, "x", "indexlab gate"))
        .contains("pass (time only: cleared by a second measurement)")
        .contains("### Measured twice (time only: plan and buffers unchanged)")
        .contains("- `spiky`: cleared, passes\n  - first measurement: median 0.");
    assertThat(GateCases.caseOf(r).output())
        .contains("plan and buffers unchanged")
        .contains("second measurement, alternating with `r1`");
  }

  @Test
  void aSlowDownWithAChangedPlanFailsWithoutASecondMeasurement() {
    RouteSnapshot before =
        route(
            "users_delete",
            lognormal(2000, 5, 0.2, 1),
            ROWS,
            deleteUserWith("writeup-song-history-bitmap", 40));
    RouteSnapshot now =
        route(
            "users_delete",
            lognormal(2000, 60, 0.2, 2),
            ROWS,
            deleteUserWith("writeup-song-history-seq-scan", 40));

    GateOutcome o =
        new RegressionGate(GateThresholds.defaults())
            .compare(with(steady(0), before), with(steady(50), now), List.of());

    RouteVerdict r = o.routes().get(6);
    assertThat(r.status()).isEqualTo(RouteVerdict.Status.FAIL);
    assertThat(r.planAndBuffersUnchanged()).isFalse();
    assertThat(r.findings())
        .extracting(GateFinding::kind)
        .contains(GateFinding.Kind.PLAN, GateFinding.Kind.TIME);
    assertThat(o.timeOnlyRegressions()).isEmpty();
  }

  @Test
  void theJUnitReportCarriesTheRunsFigures() {
    Baseline[] b = suspect();
    GateOutcome o = new RegressionGate(GateThresholds.defaults()).compare(b[0], b[1], List.of());

    String xml =
        new JUnitXmlWriter().toXml(GateCases.of(o), GateCases.properties(o, "indexlab gate"));

    assertThat(xml)
        .contains("<property name=\"machine factor\" value=\"×1.0")
        .contains("<property name=\"routes with plans and buffers unchanged\" value=\"7\"/>")
        .containsPattern("<system-out>median 0\\.\\d+ → 0\\.\\d+ ms per call; shared buffers")
        .contains("plan and buffers unchanged\nfirst measurement: median");
  }
}
