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

class RegressionGateTest {
  static final Map<String, Long> ROWS = Map.of("song_history", 919_039L, "users", 911L);

  final RegressionGate gate = new RegressionGate(GateThresholds.defaults().withNormalize(false));

  static RouteSnapshot deleteRoute(double[] samples, String cascade, long buffers) {
    return route("users_delete", samples, ROWS, deleteUserWith(cascade, buffers));
  }

  @Test
  void theSameDistributionPasses() {
    Baseline before =
        baseline(deleteRoute(lognormal(2000, 5, 0.4, 1), "writeup-song-history-bitmap", 40));
    Baseline now =
        baseline(deleteRoute(lognormal(2000, 5, 0.4, 2), "writeup-song-history-bitmap", 40));

    GateOutcome o = gate.compare(before, now, List.of());

    assertThat(o.exitCode()).isZero();
    RouteVerdict r = o.routes().get(0);
    assertThat(r.status()).isEqualTo(RouteVerdict.Status.PASS);
    assertThat(r.timings().get(0).change().changed()).isFalse();
    assertThat(r.buffersBefore()).isEqualTo(40);
    assertThat(o.verdictLine("indexlab gate")).isEqualTo("indexlab gate: PASS 1 passed");
  }

  @Test
  void aSignificantSlowDownBeyondTheThresholdFails() {
    Baseline before =
        baseline(deleteRoute(lognormal(2000, 5, 0.4, 1), "writeup-song-history-bitmap", 40));
    Baseline now =
        baseline(deleteRoute(lognormal(2000, 7.5, 0.4, 2), "writeup-song-history-bitmap", 40));

    GateOutcome o = gate.compare(before, now, List.of());

    assertThat(o.exitCode()).isEqualTo(1);
    RouteVerdict r = o.routes().get(0);
    assertThat(r.findings()).extracting(GateFinding::kind).containsExactly(GateFinding.Kind.TIME);
    assertThat(r.headline()).matches("×1\\.[45]\\d slower \\(time only\\)");
    assertThat(r.findings().get(0).message())
        .startsWith(
            "time only: plan and buffers unchanged (shared buffers 40 → 40); slower, not measured"
                + " a second time. First measurement: median 5.")
        .contains("CI ×1.");
    assertThat(r.planAndBuffersUnchanged()).isTrue();
    assertThat(o.timeOnlyRegressions()).containsExactly("users_delete");
  }

  @Test
  void aSlowDownBelowTheThresholdPassesEvenWhenSignificant() {
    Baseline before =
        baseline(deleteRoute(lognormal(5000, 5, 0.2, 1), "writeup-song-history-bitmap", 40));
    Baseline now =
        baseline(deleteRoute(lognormal(5000, 5.5, 0.2, 2), "writeup-song-history-bitmap", 40));

    RouteVerdict r = gate.compare(before, now, List.of()).routes().get(0);

    assertThat(r.timings().get(0).change().pValue()).isLessThan(0.01);
    assertThat(r.status()).isEqualTo(RouteVerdict.Status.PASS);
  }

  @Test
  void aSpeedUpIsReportedAsAnImprovement() {
    Baseline before =
        baseline(deleteRoute(lognormal(2000, 65, 0.3, 1), "writeup-song-history-seq-scan", 5000));
    Baseline now =
        baseline(deleteRoute(lognormal(2000, 1, 0.3, 2), "writeup-song-history-bitmap", 40));

    GateOutcome o = gate.compare(before, now, List.of());

    RouteVerdict r = o.routes().get(0);
    assertThat(r.status()).isEqualTo(RouteVerdict.Status.PASS);
    assertThat(r.improvements())
        .contains("statement 2 \"delete the user\": Seq Scan → Bitmap Heap Scan on song_history")
        .anyMatch(i -> i.startsWith("faster: first measurement: median 65.") && i.contains("(×0.0"))
        .anyMatch(i -> i.contains("shared buffers 5,000 → 40 (-99.2%)"));
    assertThat(o.verdictLine("indexlab gate"))
        .isEqualTo("indexlab gate: PASS 1 passed, 1 improved");
  }

  @Test
  void aDroppedIndexFailsOnPlanAndBuffersAndNamesTheRouteAndTheScan() {
    double[] same = lognormal(2000, 5, 0.3, 1);
    Baseline before = baseline(deleteRoute(same, "writeup-song-history-bitmap", 40));
    Baseline now = baseline(deleteRoute(same, "writeup-song-history-seq-scan", 9000));

    GateOutcome o = gate.compare(before, now, List.of());

    RouteVerdict r = o.routes().get(0);
    assertThat(r.findings())
        .extracting(GateFinding::kind)
        .containsExactly(GateFinding.Kind.PLAN, GateFinding.Kind.BUFFERS);
    assertThat(r.findings().get(1).message())
        .isEqualTo("shared buffers per execution 40 → 9,000 (+22,400%, threshold +10.0%)");
    assertThat(o.verdictLine("indexlab gate"))
        .isEqualTo(
            "indexlab gate: FAIL 1 regression (users_delete: Bitmap Heap Scan → Seq Scan on"
                + " song_history), 0 passed");
    assertThat(o.timeOnlyRegressions()).isEmpty();
  }

  @Test
  void buffersMustRiseByTheThresholdAndByTheMinimumBlocks() {
    double[] same = lognormal(500, 5, 0.3, 1);
    String plan = "writeup-song-history-bitmap";
    assertThat(buffersFindings(deleteRoute(same, plan, 100), deleteRoute(same, plan, 109)))
        .isEmpty(); // +9%
    assertThat(buffersFindings(deleteRoute(same, plan, 100), deleteRoute(same, plan, 111)))
        .hasSize(1); // +11%, 11 blocks
    assertThat(buffersFindings(deleteRoute(same, plan, 20), deleteRoute(same, plan, 29)))
        .isEmpty(); // +45%, but 9 blocks
  }

  private List<GateFinding> buffersFindings(RouteSnapshot before, RouteSnapshot now) {
    return gate.compare(baseline(before), baseline(now), List.of()).routes().get(0).findings();
  }

  @Test
  void routesAddedRemovedOrFailingAreReportedNotCrashed() {
    double[] s = lognormal(300, 2, 0.3, 1);
    Baseline before =
        baseline(
            route("song_play", s, Map.of()),
            route("song_remove", s, Map.of()),
            GateFixtures.failed("ad_create", "sample query returned no rows"),
            route("users_create", s, Map.of()));
    Baseline now =
        baseline(
            route("song_play", s, Map.of()),
            GateFixtures.failed(
                "users_create", "users_create.sql:9: column \"name\" does not exist"),
            GateFixtures.failed("ad_create", "sample query returned no rows"),
            route("song_search", s, Map.of()));

    GateOutcome o = gate.compare(before, now, List.of());

    assertThat(o.routes())
        .extracting(RouteVerdict::id, RouteVerdict::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("song_play", RouteVerdict.Status.PASS),
            org.assertj.core.groups.Tuple.tuple("song_remove", RouteVerdict.Status.REMOVED),
            org.assertj.core.groups.Tuple.tuple("ad_create", RouteVerdict.Status.SKIPPED),
            org.assertj.core.groups.Tuple.tuple("users_create", RouteVerdict.Status.ERROR),
            org.assertj.core.groups.Tuple.tuple("song_search", RouteVerdict.Status.ADDED));
    assertThat(o.exitCode()).isEqualTo(1);
    assertThat(o.verdictLine("indexlab gate"))
        .isEqualTo(
            "indexlab gate: FAIL 1 regression (users_create: fails now), 1 passed, 1 added,"
                + " 1 removed, 1 not compared");
    assertThat(o.routes().get(1).notes()).containsExactly("in the baseline, not in this workload");
  }

  @Test
  void theMachineFactorCancelsAUniformSlowDownButNotALonelyOne() {
    RegressionGate normalizing = new RegressionGate(GateThresholds.defaults());
    List<RouteSnapshot> before = new ArrayList<>();
    List<RouteSnapshot> now = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      before.add(route("r" + i, lognormal(1000, 1 + i, 0.3, i), Map.of()));
      // this machine is 1.5x slower; route r5 is 2x slower on top of that
      double extra = i == 5 ? 2 : 1;
      now.add(route("r" + i, lognormal(1000, 1.5 * extra * (1 + i), 0.3, 100 + i), Map.of()));
    }
    Baseline b = baseline(before.toArray(RouteSnapshot[]::new));
    Baseline n = baseline(now.toArray(RouteSnapshot[]::new));

    GateOutcome raw = gate.compare(b, n, List.of());
    GateOutcome normalized = normalizing.compare(b, n, List.of());

    assertThat(raw.regressions()).hasSize(6);
    assertThat(raw.machineFactor()).isNull();
    assertThat(normalized.machineFactor()).isBetween(1.4, 1.6);
    assertThat(normalized.regressions()).extracting(RouteVerdict::id).containsExactly("r5");
    assertThat(normalized.notes()).anyMatch(x -> x.startsWith("machine factor ×1.5"));
  }

  @Test
  void tooFewUnchangedRoutesMeansNoMachineFactor() {
    RegressionGate normalizing = new RegressionGate(GateThresholds.defaults());
    Baseline b = baseline(route("a", lognormal(500, 1, 0.3, 1), Map.of()));
    Baseline n = baseline(route("a", lognormal(500, 2, 0.3, 2), Map.of()));

    GateOutcome o = normalizing.compare(b, n, List.of());

    assertThat(o.machineFactor()).isNull();
    assertThat(o.regressions()).hasSize(1);
  }

  @Test
  void againstABaselineARouteMustStandOutFromTheRunToRunNoiseOfTheOthers() {
    RegressionGate normalizing = new RegressionGate(GateThresholds.defaults());
    // a busy machine: unchanged routes drift between x0.7 and x1.45 from run to run, each
    // significantly so at the level of its own samples
    double[] drift = {0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.45, 1.0};
    List<RouteSnapshot> before = new ArrayList<>();
    List<RouteSnapshot> now = new ArrayList<>();
    for (int i = 0; i < drift.length; i++) {
      before.add(route("r" + i, lognormal(3000, 1, 0.2, i), Map.of()));
      now.add(route("r" + i, lognormal(3000, drift[i], 0.2, 50 + i), Map.of()));
    }
    before.add(route("slow", lognormal(3000, 1, 0.2, 98), Map.of()));
    now.add(route("slow", lognormal(3000, 6, 0.2, 99), Map.of()));

    GateOutcome o =
        normalizing.compare(
            baseline(before.toArray(RouteSnapshot[]::new)),
            baseline(now.toArray(RouteSnapshot[]::new)),
            List.of());

    assertThat(
            o.routes()
                .get(6)
                .timings()
                .get(0)
                .change()
                .slowerBy(GateThresholds.DEFAULT_TIME, GateThresholds.DEFAULT_TIME_MS))
        .as("significant on samples")
        .isTrue();
    assertThat(o.regressions()).extracting(RouteVerdict::id).containsExactly("slow");
    assertThat(o.routes()).filteredOn(r -> !r.improvements().isEmpty()).isEmpty();
    assertThat(o.notes())
        .anyMatch(n -> n.startsWith("machine factor ×1.00 (median time ratio of the 9 routes"));
    assertThat(o.regressions().get(0).findings().get(0).message()).contains("; run-level ×6.");
  }

  @Test
  void inAnAbRunEveryRoundPairsTheSidesAndTheirSpreadIsTheNoise() {
    double[] a = lognormal(3000, 1, 0.2, 1);
    double[] b = lognormal(3000, 1.6, 0.2, 2);
    // steady: x1.6 in every round; erratic: x1.6 on the pooled samples, rounds x3.2, x0.8, x1.6
    Baseline base =
        baseline(
            GateFixtures.rounds("steady", a, 1.0, 1.1, 0.9),
            GateFixtures.rounds("erratic", a, 1.0, 1.0, 1.0),
            GateFixtures.rounds("calm1", a, 1.0, 1.0, 1.0),
            GateFixtures.rounds("calm2", a, 1.0, 1.0, 1.0));
    Baseline head =
        baseline(
            GateFixtures.rounds("steady", b, 1.6, 1.75, 1.45),
            GateFixtures.rounds("erratic", b, 3.2, 0.8, 1.6),
            GateFixtures.rounds("calm1", lognormal(3000, 1, 0.2, 3), 1.05, 0.95, 1.0),
            GateFixtures.rounds("calm2", lognormal(3000, 1, 0.2, 4), 0.95, 1.05, 1.0));

    GateOutcome o = gate.compare(base, head, List.of());

    assertThat(
            o.routes()
                .get(1)
                .timings()
                .get(0)
                .change()
                .slowerBy(GateThresholds.DEFAULT_TIME, GateThresholds.DEFAULT_TIME_MS))
        .as("significant on samples")
        .isTrue();
    assertThat(o.regressions()).extracting(RouteVerdict::id).containsExactly("steady");
    assertThat(o.notes()).anyMatch(n -> n.startsWith("noise between JMH runs σ = "));
  }

  @Test
  void withOneRoundTheSamplesDecideAloneAndANoteSaysSo() {
    GateOutcome o =
        gate.compare(
            baseline(route("a", lognormal(500, 1, 0.3, 1), Map.of())),
            baseline(route("a", lognormal(500, 2, 0.3, 2), Map.of())),
            List.of());

    assertThat(o.regressions()).hasSize(1);
    assertThat(o.notes()).anyMatch(n -> n.startsWith("too few rounds"));
  }
}
