package dev.indexlab.scenario;

import dev.indexlab.advise.CandidateFolder;
import dev.indexlab.advise.CandidateKind;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.explain.RouteCapture;
import dev.indexlab.workload.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A second look at the candidates that were measured and rejected on their own: each is applied on
 * top of the accepted set and measured against the accepted set alone, side by side, one candidate
 * after the other (one accepted joins the set for the next). Candidates interact. SongStackify's
 * {@code users_playlist_position (playlist_song_position)} takes little off delete song against the
 * baseline, where the song_history cascade dominates, so it is rejected there; with the other
 * cascades indexed, it takes most of what is left of delete song (the ON DELETE SET NULL of every
 * playlist entry of the song scans the table). The same {@link DecisionRule} decides.
 */
final class SecondLook implements AutoCloseable {
  private static final String WITHOUT = "accepted-set";

  /**
   * Where a second look records the one candidate it applies on top of the set's copy (numbered: a
   * copy that joins the set keeps its table, and the next look adds its own).
   */
  static final String ON_TOP_HISTORY = "indexlab_candidate_history_on_top";

  private final Evaluation run;
  private final List<CandidateFolder> accepted = new ArrayList<>();
  private final Map<String, Route> routes;
  private ConnectionSpec before;
  private String beforeScenario;
  private CandidateApplier.Applied base;
  private int looks;
  private long joinedBytes;
  private final Map<String, RouteCapture.Result> capturedBefore = new LinkedHashMap<>();
  private final Map<String, Double> hotBefore = new LinkedHashMap<>();

  /**
   * {@code accepted}: the folders of the accepted set; {@code routes}: the routes as the accepted
   * set runs them (its rewrites in place).
   */
  SecondLook(Evaluation run, List<CandidateFolder> accepted, Map<String, Route> routes) {
    this.run = run;
    this.accepted.addAll(accepted);
    this.routes = Map.copyOf(routes);
  }

  /**
   * True for a candidate that applied, was measured, was used by some plan, and was rejected by
   * {@code rule}, unless it slows down a route the accepted set leaves as it is ({@code rewritten}:
   * the routes the accepted set rewrites): that slowdown would still be there.
   */
  static boolean worthASecondLook(
      RunResults.CandidateResult r, Set<String> rewritten, DecisionRule rule) {
    if (r.decision().accepted()
        || r.build() == null
        || r.build().error() != null
        || r.deltas().isEmpty()
        || r.decision().reason().startsWith("the rewrite is not equivalent")
        || r.equivalence() != null) {
      // a rewrite's second look would need its route rewritten on top of the set's rewrites
      return false;
    }
    boolean drop = CandidateKind.DROP_INDEX.name().equals(r.kind());
    if (!drop && r.deltas().stream().noneMatch(RunResults.RouteDelta::usesCandidate)) {
      return false;
    }
    return rule.regressions(drop, r.deltas()).stream().allMatch(d -> rewritten.contains(d.route()));
  }

  /**
   * Decides {@code candidate} on top of the accepted set; returns the candidate's result with the
   * new decision, its reason naming both looks. A candidate accepted here joins the set the next
   * ones are measured on top of (two indexes for one lookup are not both taken). The set's copy is
   * shared by the second looks (its plans captured once per route); each candidate gets a copy of
   * it with only its own migration applied, and that copy, with its captures, becomes the set's
   * copy when the candidate joins the set.
   */
  RunResults.CandidateResult decide(CandidateFolder candidate, RunResults.CandidateResult alone) {
    String id = candidate.candidate().name();
    String with = "accepted-with-" + id;
    if (before == null) {
      before = run.copies().copy(WITHOUT);
      beforeScenario = WITHOUT;
      base = CandidateApplier.applyCandidates(before, WITHOUT, accepted);
    }
    if (!base.ok()) {
      run.log().println("   " + id + ": no second look, applying failed: " + base.error());
      return alone;
    }
    // a copy of the set's copy, so only the candidate's own migration runs (not the set's CLUSTER
    // and index builds again); recorded in a history table of its own, on top of the set's
    ConnectionSpec after = run.copies().copyOf(with, beforeScenario);
    boolean joined = false;
    try {
      CandidateApplier.Applied applied =
          CandidateApplier.applyCandidates(
              after, with, List.of(candidate), ON_TOP_HISTORY + "_" + ++looks);
      if (!applied.ok()) {
        run.log().println("   " + id + ": no second look, applying failed: " + applied.error());
        return alone;
      }
      long setBytes = base.addedBytes() + joinedBytes;
      long budget = run.settings().rule().indexBudgetBytes();
      if (setBytes + applied.addedBytes() > budget) {
        run.log().println("   " + id + ": no second look, the set leaves no room in the budget");
        return alone.withDecision(
            new RunResults.Decision(
                false,
                alone.decision().reason()
                    + String.format(
                        Locale.ROOT,
                        "; not looked at again: its %,d bytes and the accepted set's %,d exceed"
                            + " the index budget",
                        applied.addedBytes(),
                        setBytes),
                alone.decision().weightedMsSavedPerMinute()));
      }
      Set<String> tables = new LinkedHashSet<>();
      candidate.candidate().indexes().forEach(i -> tables.add(i.tableKey()));
      List<String> writers =
          AffectedRoutes.writing(run.baseline(), run.routes(), run.written(), tables);
      List<Route> measured = new ArrayList<>();
      for (String rid : alone.affectedRoutes()) {
        if (routes.containsKey(rid)) {
          measured.add(routes.get(rid));
        }
      }
      List<String> indexNames =
          applied.added().stream().map(IndexInventory.IndexInfo::name).toList();
      ScenarioMeasurer.Captured capBefore = capturedBefore(measured);
      ScenarioMeasurer.Captured capAfter = run.measurer().capture(with, after, measured);
      DecisionRule rule = run.settings().rule();
      ScenarioMeasurer.Jmh none = ScenarioMeasurer.Jmh.none();
      List<RunResults.RouteDelta> early =
          rule.explainDeltas(
              run.measurer().assemble(WITHOUT, List.of(), measured, capBefore, none).byId(),
              run.measurer().assemble(with, List.of(id), measured, capAfter, none).byId(),
              writers,
              indexNames);
      RunResults.Decision second;
      if (!rule.worthTiming(false, early)) {
        second = rule.untimed(early);
      } else {
        TimingFilter timed = new TimingFilter(Set.of(), writers, indexNames, List.of(), Map.of());
        List<String> benched =
            measured.stream()
                .filter(r -> timed.test(r, capAfter.captures().get(r.id())))
                .map(Route::id)
                .toList();
        SideBySide.Result jmh =
            SideBySide.measure(
                run.measurer(),
                new SideBySide.Side(WITHOUT, before, measured, capBefore.expectedMs()),
                new SideBySide.Side(with, after, measured, capAfter.expectedMs()),
                benched);
        RunResults.ScenarioResult b =
            run.measurer().assemble(WITHOUT, List.of(), measured, capBefore, jmh.first());
        RunResults.ScenarioResult a =
            run.measurer().assemble(with, List.of(id), measured, capAfter, jmh.second());
        second =
            rule.decide(
                false,
                null,
                null,
                rule.deltas(b.byId(), a.byId(), writers, indexNames),
                applied.addedBytes(),
                DecisionRule.weights(run.routes().values()));
      }
      if (second.accepted()) {
        // the copy with it is the set's copy from now on, and its captures the set's captures
        accepted.add(candidate);
        close();
        before = after;
        beforeScenario = with;
        capturedBefore.putAll(capAfter.captures());
        hotBefore.putAll(capAfter.hot());
        joinedBytes += applied.addedBytes();
        joined = true;
      }
      run.log().println("   " + id + " on top of the accepted set: " + second.describe());
      String reason =
          second.accepted()
              ? "on top of the accepted set: "
                  + second.reason()
                  + " (on its own against the baseline: "
                  + alone.decision().reason()
                  + ")"
              : alone.decision().reason() + "; on top of the accepted set: " + second.reason();
      return alone.withDecision(
          new RunResults.Decision(
              second.accepted(),
              reason,
              second.accepted()
                  ? second.weightedMsSavedPerMinute()
                  : alone.decision().weightedMsSavedPerMinute()));
    } finally {
      if (!joined) {
        run.copies().drop(with);
      }
    }
  }

  /** The accepted set's captures of {@code measured}, each route captured once. */
  private ScenarioMeasurer.Captured capturedBefore(List<Route> measured) {
    List<Route> missing =
        measured.stream().filter(r -> !capturedBefore.containsKey(r.id())).toList();
    if (!missing.isEmpty()) {
      ScenarioMeasurer.Captured c = run.measurer().capture(WITHOUT, before, missing);
      capturedBefore.putAll(c.captures());
      hotBefore.putAll(c.hot());
    }
    return new ScenarioMeasurer.Captured(capturedBefore, hotBefore);
  }

  /** Drops the accepted set's copy (and forgets its captures). */
  @Override
  public void close() {
    if (before != null) {
      run.copies().drop(beforeScenario);
      before = null;
    }
    capturedBefore.clear();
    hotBefore.clear();
  }
}
