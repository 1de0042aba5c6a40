package dev.indexlab.scenario;

import dev.indexlab.advise.CandidateFolder;
import dev.indexlab.advise.IndexSpec;
import dev.indexlab.check.CandidateKind;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.Identifiers;
import dev.indexlab.explain.RouteCapture;
import dev.indexlab.results.RunResults;
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

  /** Every index the set's copy added: the set's own, then each joined candidate's. */
  private final List<IndexInventory.IndexInfo> setIndexes = new ArrayList<>();

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
        || r.equivalence() != null
        || CandidateKind.API_REWRITE.name().equals(r.kind())) {
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
    setCopy();
    if (!base.ok()) {
      return notLookedAt(id, alone, base);
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
        return notLookedAt(id, alone, applied);
      }
      long setBytes = base.addedBytes() + joinedBytes;
      if (setBytes + applied.addedBytes() > run.settings().rule().indexBudgetBytes()) {
        run.log().println("   " + id + ": no second look, the set leaves no room in the budget");
        return overBudget(alone, applied.addedBytes(), setBytes);
      }
      List<String> writers = writersOf(candidate.candidate().indexes());
      List<Route> measured =
          alone.affectedRoutes().stream().filter(routes::containsKey).map(routes::get).toList();
      List<String> indexNames =
          applied.added().stream().map(IndexInventory.IndexInfo::name).toList();
      PairedTrial trial =
          againstTheSet(new PairedTrial.Side(with, after), measured, writers, indexNames);
      RunResults.Decision second =
          onTopOfTheSet(trial, measured, writers, indexNames, applied.addedBytes());
      if (second.accepted()) {
        // the copy with it is the set's copy from now on, and its captures the set's captures
        accepted.add(candidate);
        setIndexes.addAll(applied.added());
        becomeTheSet(after, with, trial.capturedAfter());
        joinedBytes += applied.addedBytes();
        joined = true;
      }
      run.log().println("   " + id + " on top of the accepted set: " + second.describe());
      return alone.withDecision(bothLooks(alone.decision(), second));
    } finally {
      if (!joined) {
        run.copies().drop(with);
      }
    }
  }

  /** {@code alone} as it was, logged: applying (the set's or the candidate's migration) failed. */
  private RunResults.CandidateResult notLookedAt(
      String id, RunResults.CandidateResult alone, CandidateApplier.Applied failed) {
    run.log().println("   " + id + ": no second look, applying failed: " + failed.error());
    return alone;
  }

  /**
   * {@code alone} rejected with a note that its {@code bytes} on top of the set's {@code setBytes}
   * exceed the index budget.
   */
  private static RunResults.CandidateResult overBudget(
      RunResults.CandidateResult alone, long bytes, long setBytes) {
    return alone.withDecision(
        new RunResults.Decision(
            false,
            alone.decision().reason()
                + String.format(
                    Locale.ROOT,
                    "; not looked at again: its %,d bytes and the accepted set's %,d exceed"
                        + " the index budget",
                    bytes,
                    setBytes),
            alone.decision().weightedMsSavedPerMinute()));
  }

  /** The routes that write a table of {@code indexes}. */
  private List<String> writersOf(List<IndexSpec> indexes) {
    Set<String> tables = new LinkedHashSet<>();
    indexes.forEach(i -> tables.add(i.tableKey()));
    return AffectedRoutes.writing(run.baseline(), run.routes(), run.written(), tables);
  }

  /**
   * The rule's decision on {@code trial} (the candidate, its indexes {@code indexNames} adding
   * {@code addedBytes}, against the set): from EXPLAIN alone when timing cannot change it,
   * otherwise with JMH timing the routes of {@code measured} the timing filter lets through.
   */
  private RunResults.Decision onTopOfTheSet(
      PairedTrial trial,
      List<Route> measured,
      List<String> writers,
      List<String> indexNames,
      long addedBytes) {
    DecisionRule rule = run.settings().rule();
    List<RunResults.RouteDelta> early = trial.explained();
    if (!rule.worthTiming(false, early)) {
      return rule.untimed(early);
    }
    TimingFilter timed =
        new TimingFilter(
            Set.of(),
            writers,
            indexNames,
            List.of(),
            Map.of(),
            TimingFilter.decisive(rule, false, early));
    Map<String, RouteCapture.Result> captures = trial.capturedAfter().captures();
    List<String> benched =
        measured.stream().filter(r -> timed.test(r, captures.get(r.id()))).map(Route::id).toList();
    return rule.decide(
        false,
        null,
        null,
        trial.timed(benched),
        addedBytes,
        DecisionRule.weights(run.routes().values()));
  }

  /**
   * The candidate's decision after both looks: {@code second}'s verdict, with a reason naming both
   * and the saving of the look that accepted it (or of the first, when neither did).
   */
  private static RunResults.Decision bothLooks(
      RunResults.Decision alone, RunResults.Decision second) {
    String reason =
        second.accepted()
            ? "on top of the accepted set: "
                + second.reason()
                + " (on its own against the baseline: "
                + alone.reason()
                + ")"
            : alone.reason() + "; on top of the accepted set: " + second.reason();
    return new RunResults.Decision(
        second.accepted(),
        reason,
        second.accepted() ? second.weightedMsSavedPerMinute() : alone.weightedMsSavedPerMinute());
  }

  /**
   * Makes {@code db} (scenario {@code scenario}) the set's copy, dropping the old one. The routes
   * {@code changed} captured there replace their captures; every other route's capture stands (the
   * change was to a table those routes' plans do not read).
   */
  private void becomeTheSet(ConnectionSpec db, String scenario, ScenarioMeasurer.Captured changed) {
    Map<String, RouteCapture.Result> keptCaptures = new LinkedHashMap<>(capturedBefore);
    Map<String, Double> keptHot = new LinkedHashMap<>(hotBefore);
    close();
    before = db;
    beforeScenario = scenario;
    capturedBefore.putAll(keptCaptures);
    hotBefore.putAll(keptHot);
    capturedBefore.putAll(changed.captures());
    hotBefore.putAll(changed.hot());
  }

  /** A trial of {@code other} against the set's copy, over {@code measured}. */
  private PairedTrial againstTheSet(
      PairedTrial.Side other, List<Route> measured, List<String> writers, List<String> names) {
    return new PairedTrial(
        run,
        new PairedTrial.Side(beforeScenario, before),
        capturedBefore(measured),
        other,
        measured,
        writers,
        names);
  }

  /** Makes the accepted set's copy, the first time it is needed. */
  private void setCopy() {
    if (before == null) {
      before = run.copies().copy(WITHOUT);
      beforeScenario = WITHOUT;
      base = CandidateApplier.applyCandidates(before, WITHOUT, accepted);
      setIndexes.addAll(base.added());
    }
  }

  /** The candidates of the set as it stands now (accepted ones joined, removed ones gone). */
  List<CandidateFolder> accepted() {
    return List.copyOf(accepted);
  }

  /**
   * The leave-one-out pass: each candidate of {@code order} that only builds indexes (no CLUSTER,
   * no rewrite: those cannot be taken back by dropping an index) is taken out of the set on a copy
   * of the set's copy (its indexes dropped), and the routes whose plans used it in the set, and
   * those that write its tables, are captured against the set. It stays when a route gets slower
   * without it: EXPLAIN at least {@code minGain} and the floor slower with more shared buffers, or
   * JMH significantly slower side by side (JMH times only the routes whose plans used it: a route
   * that only writes its table has one index less to maintain without it). Otherwise it leaves the
   * set, and the set's copy is the copy without it from then on (so of two indexes serving one
   * statement the second one tried is kept). Returns each removed candidate's id with the reason.
   */
  Map<String, String> leaveOneOut(List<CandidateFolder> order) {
    Map<String, String> removed = new LinkedHashMap<>();
    setCopy();
    if (!base.ok()) {
      return removed;
    }
    DecisionRule rule = run.settings().rule();
    for (CandidateFolder f : order) {
      var c = f.candidate();
      if (!accepted.contains(f)
          || c.kind() != CandidateKind.CREATE_INDEX
          || !c.onlyBuildsIndexes()
          || !c.rewrites().isEmpty()
          || c.indexes().isEmpty()) {
        continue;
      }
      String id = c.name();
      List<String> names =
          IndexInventory.withPartitions(
              c.indexes().stream().map(i -> i.schema() + "." + i.name()).toList(), setIndexes);
      ScenarioMeasurer.Captured set = capturedBefore(List.copyOf(routes.values()));
      List<Route> users =
          routes.values().stream()
              .filter(r -> DecisionRule.usesAny(set.captures().get(r.id()).statements(), names))
              .toList();
      List<String> writers = writersOf(c.indexes());
      List<Route> measured = new ArrayList<>(users);
      writers.stream()
          .filter(w -> routes.containsKey(w) && users.stream().noneMatch(u -> u.id().equals(w)))
          .forEach(w -> measured.add(routes.get(w)));
      String without = "accepted-without-" + id;
      ConnectionSpec copy = run.copies().copyOf(without, beforeScenario);
      boolean kept = true;
      try {
        dropIndexes(copy, c.indexes());
        String reason;
        ScenarioMeasurer.Captured after = new ScenarioMeasurer.Captured(Map.of(), Map.of());
        if (users.isEmpty()) {
          reason =
              "no plan of the accepted set uses it (the set's other indexes serve its lookups)";
        } else {
          PairedTrial trial =
              againstTheSet(new PairedTrial.Side(without, copy), measured, writers, names);
          reason = withoutIt(rule, trial, users);
          after = trial.capturedAfter();
        }
        if (reason != null) {
          run.log().println("   " + id + ": left out of the accepted set, " + reason);
          accepted.remove(f);
          becomeTheSet(copy, without, after);
          removed.put(id, reason);
          kept = false;
        } else {
          run.log()
              .println("   " + id + ": stays in the accepted set (a route is slower without it)");
        }
      } catch (java.sql.SQLException e) {
        run.log()
            .println("   " + id + ": not taken out of the set, dropping its index failed: " + e);
      } finally {
        if (kept) {
          run.copies().drop(without);
        }
      }
    }
    return removed;
  }

  /**
   * Why the set does without the candidate (its indexes {@code names} dropped on {@code copy}), or
   * null when a route of {@code users} (those whose plans used it) is slower without it.
   */
  private static String withoutIt(DecisionRule rule, PairedTrial trial, List<Route> users) {
    for (RunResults.RouteDelta d : trial.explained()) {
      if (rule.explainGain(reversed(d))) {
        return null;
      }
    }
    // only the routes whose plans used it can be slower without it: a route that just writes
    // its table has one index less to maintain
    List<RunResults.RouteDelta> deltas = trial.timed(users.stream().map(Route::id).toList());
    if (deltas.stream().anyMatch(d -> d.jmh() != null && d.jmh().slower())) {
      return null;
    }
    return deltas.stream()
        .filter(d -> d.jmh() != null)
        .map(d -> d.route() + " " + d.jmh().describe())
        .collect(
            java.util.stream.Collectors.joining(
                "; ", "without it no route got significantly slower (", ")"));
  }

  /** {@code d} seen the other way round: the set without the candidate as "before". */
  private static RunResults.RouteDelta reversed(RunResults.RouteDelta d) {
    return new RunResults.RouteDelta(
        d.route(),
        d.meanAfterMs(),
        d.meanBeforeMs(),
        d.p95AfterMs(),
        d.p95BeforeMs(),
        d.explainAfterMs(),
        d.explainBeforeMs(),
        d.buffersAfter(),
        d.buffersBefore(),
        d.walBytesAfter(),
        d.walBytesBefore(),
        d.writesIndexedTable(),
        true,
        null,
        d.hotUpdateShareAfter(),
        d.hotUpdateShareBefore(),
        d.rowsExaminedAfter(),
        d.rowsExaminedBefore());
  }

  private static void dropIndexes(ConnectionSpec db, List<IndexSpec> indexes)
      throws java.sql.SQLException {
    try (java.sql.Connection c = db.open();
        java.sql.Statement st = c.createStatement()) {
      for (IndexSpec i : indexes) {
        st.execute("DROP INDEX " + Identifiers.qualified(i.schema(), i.name()));
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
