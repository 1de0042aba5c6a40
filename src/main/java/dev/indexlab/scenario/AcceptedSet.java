package dev.indexlab.scenario;

import dev.indexlab.advise.Candidate;
import dev.indexlab.advise.CandidateFolder;
import dev.indexlab.advise.IndexSpec;
import dev.indexlab.check.CandidateKind;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.results.RunResults;
import dev.indexlab.workload.Route;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The end of a run: from the candidates' decisions to the "optimized" scenario. Picks the accepted
 * candidates in rank order within the index budget, gives the rejected ones a second look on top of
 * them ({@link SecondLook}), leaves out a plain index another picked candidate already provides,
 * applies the rest together on one copy and captures every route there, and times the routes the
 * set can have changed ({@link RetimedRoutes}) on a fresh baseline copy and on the optimized copy
 * side by side ({@link SideBySide}), so that the report's before/after table compares figures taken
 * seconds apart.
 */
final class AcceptedSet {
  private final Evaluation run;

  AcceptedSet(Evaluation run) {
    this.run = run;
  }

  /**
   * The baseline and the optimized scenario with their JMH timings measured side by side, and the
   * candidates' results as finally decided.
   */
  record Final(
      RunResults.ScenarioResult baseline,
      RunResults.ScenarioResult optimized,
      List<RunResults.CandidateResult> candidates) {}

  /**
   * Builds and measures the optimized scenario from {@code results}, the candidates' decisions. The
   * baseline keeps its plans from the start of the run; its timings are replaced by the
   * side-by-side ones (on a server where scenarios are reverted in place, where two cannot exist at
   * once, the start's timings stand and the optimized scenario is timed alone).
   */
  Final measure(List<CandidateFolder> folders, List<RunResults.CandidateResult> results) {
    Map<String, CandidateFolder> byName = new LinkedHashMap<>();
    folders.forEach(f -> byName.put(f.candidate().name(), f));
    List<RunResults.CandidateResult> decided = new ArrayList<>(results);
    List<CandidateFolder> picked = withinBudget(decided, byName);
    if (run.copies().holdsTwoAtOnce() && !picked.isEmpty()) {
      picked = new ArrayList<>(growAndPrune(picked, byName, decided));
    }
    run.phases().enter("optimized");
    leaveOutServed(picked, decided);
    List<String> chosen = picked.stream().map(f -> f.candidate().name()).toList();
    Map<String, Route> measured = new LinkedHashMap<>(run.routes());
    Set<String> rewritten = new LinkedHashSet<>();
    for (CandidateFolder f : picked) {
      for (Route rw : CandidateEvaluator.rewrites(f, run.routes())) {
        if (rewritten.add(rw.id())) {
          measured.put(rw.id(), rw);
        }
      }
    }
    List<Route> optimizedRoutes = List.copyOf(measured.values());
    List<String> ids = optimizedRoutes.stream().map(Route::id).toList();
    ConnectionSpec db = run.copies().copy("optimized");
    try {
      CandidateApplier.Applied applied = CandidateApplier.applyCandidates(db, "optimized", picked);
      List<String> errors = new ArrayList<>();
      if (!applied.ok()) {
        errors.add("applying the accepted candidates failed: " + applied.error());
      }
      ScenarioMeasurer.Captured captured = run.measurer().capture("optimized", db, optimizedRoutes);
      credit(picked, applied, captured, decided);
      if (!run.copies().holdsTwoAtOnce()) {
        RunResults.ScenarioResult alone =
            run.measurer()
                .assemble(
                    "optimized",
                    chosen,
                    optimizedRoutes,
                    captured,
                    run.measurer()
                        .bench("optimized", db, optimizedRoutes, ids, captured.expectedMs()));
        errors.addAll(alone.errors());
        return new Final(
            run.baseline(),
            new RunResults.ScenarioResult("optimized", chosen, alone.routes(), errors),
            decided);
      }
      ConnectionSpec base = run.copies().copy("baseline");
      List<String> timed = retimedRoutes(picked, applied, base, db, ids, rewritten, captured);
      List<String> kept = ids.stream().filter(id -> !timed.contains(id)).toList();
      if (!kept.isEmpty()) {
        run.log()
            .println(
                "   not timed again: "
                    + String.join(", ", kept)
                    + " (no table the accepted set changes, the baseline's plans): their"
                    + " start-of-run timings stand for both scenarios");
      }
      SideBySide.Side baseSide =
          new SideBySide.Side(
              "baseline", base, List.copyOf(run.routes().values()), expectedMs(run.baseline()));
      SideBySide.Side optimizedSide =
          new SideBySide.Side("optimized", db, optimizedRoutes, captured.expectedMs());
      SideBySide.Result jmh = SideBySide.measure(run.measurer(), baseSide, optimizedSide, timed);
      RunResults.ScenarioResult s =
          run.measurer().assemble("optimized", chosen, optimizedRoutes, captured, jmh.second());
      List<String> suspects = timeOnlySlower(jmh, s);
      if (!suspects.isEmpty()) {
        run.log()
            .println(
                "   measured again side by side: "
                    + String.join(", ", suspects)
                    + " (JMH significantly slower, EXPLAIN showing no more work: the second"
                    + " measurement stands)");
        jmh = jmh.replacing(SideBySide.measure(run.measurer(), baseSide, optimizedSide, suspects));
        s = run.measurer().assemble("optimized", chosen, optimizedRoutes, captured, jmh.second());
      }
      errors.addAll(s.errors());
      return new Final(
          retimed(run.baseline(), jmh.first(), timed),
          new RunResults.ScenarioResult(
              s.name(), s.candidates(), keptTimings(s.routes(), kept), errors),
          decided);
    } finally {
      run.copies().drop("optimized");
      run.copies().drop("baseline");
    }
  }

  /**
   * The routes JMH calls significantly slower with the set while EXPLAIN shows them doing no more
   * work (their shared buffers and time grew by no more than the rule's margins): a slowdown only
   * the clock saw, which a busy moment of a shared machine makes as easily as the set does, so it
   * is measured again before the summary reports it (the gate's rule for a time-only slowdown).
   */
  private List<String> timeOnlySlower(SideBySide.Result jmh, RunResults.ScenarioResult optimized) {
    DecisionRule rule = run.settings().rule();
    Map<String, RunResults.RouteResult> baseline = new LinkedHashMap<>();
    run.baseline().byId().forEach((id, r) -> baseline.put(id, jmh.first().retimed(r)));
    List<String> out = new ArrayList<>();
    for (RunResults.RouteDelta d :
        rule.deltas().timed(baseline, optimized.byId(), List.of(), List.of())) {
      if (d.jmh() != null && d.jmh().slower() && !rule.workGrew(d)) {
        out.add(d.route());
      }
    }
    return out;
  }

  /**
   * Credits each candidate of the set with the routes whose optimized plans use one of its indexes
   * (cascades included), or that it rewrites: a route's gain is theirs, and no other candidate's.
   */
  private void credit(
      List<CandidateFolder> picked,
      CandidateApplier.Applied applied,
      ScenarioMeasurer.Captured captured,
      List<RunResults.CandidateResult> decided) {
    for (CandidateFolder f : picked) {
      List<String> names =
          IndexInventory.withPartitions(
              f.candidate().indexes().stream().map(i -> i.schema() + "." + i.name()).toList(),
              applied.added());
      Set<String> rewrites =
          f.candidate().rewrites().stream()
              .map(dev.indexlab.advise.RouteRewrite::routeId)
              .collect(java.util.stream.Collectors.toSet());
      List<String> routes = new ArrayList<>();
      captured
          .captures()
          .forEach(
              (id, c) -> {
                if (rewrites.contains(id)
                    || (c != null && DecisionRule.usesAny(c.statements(), names))) {
                  routes.add(id);
                }
              });
      String id = f.candidate().name();
      decided.replaceAll(r -> r.id().equals(id) ? r.withCredited(routes) : r);
    }
  }

  /** Each route's EXPLAIN time in {@code scenario}, by id: what a JMH call is expected to take. */
  static Map<String, Double> expectedMs(RunResults.ScenarioResult scenario) {
    Map<String, Double> out = new LinkedHashMap<>();
    scenario.routes().forEach(r -> out.put(r.id(), r.explainMs()));
    return out;
  }

  /** The accepted candidates, highest weighted saving first, as many as the index budget holds. */
  private List<CandidateFolder> withinBudget(
      List<RunResults.CandidateResult> decided, Map<String, CandidateFolder> byName) {
    List<RunResults.CandidateResult> accepted =
        decided.stream()
            .filter(r -> r.decision().accepted())
            .sorted(
                Comparator.comparingDouble(
                    (RunResults.CandidateResult r) -> -r.decision().weightedMsSavedPerMinute()))
            .toList();
    List<CandidateFolder> picked = new ArrayList<>();
    long bytes = 0;
    for (RunResults.CandidateResult r : accepted) {
      long size = r.build() == null ? 0 : r.build().bytes();
      if (bytes + size > run.settings().rule().indexBudgetBytes()) {
        run.log().println("   " + r.id() + ": left out of optimized, over the index budget");
        continue;
      }
      bytes += size;
      picked.add(byName.get(r.id()));
    }
    return picked;
  }

  /**
   * Lowest ranked first, removes from {@code picked} a candidate whose plain indexes another picked
   * candidate's indexes already serve (a longer index leading with its columns, or the same index
   * built for a CLUSTER), and records why in {@code decided}.
   */
  private void leaveOutServed(
      List<CandidateFolder> picked, List<RunResults.CandidateResult> decided) {
    for (int i = picked.size() - 1; i >= 0; i--) {
      List<IndexSpec> others = new ArrayList<>();
      for (int j = 0; j < picked.size(); j++) {
        if (j != i) {
          others.addAll(picked.get(j).candidate().indexes());
        }
      }
      Optional<String> servedBy = servedBy(picked.get(i).candidate(), others);
      if (servedBy.isEmpty()) {
        continue;
      }
      String name = picked.get(i).candidate().name();
      run.log().println("   " + name + ": left out of optimized, " + servedBy.get() + " serves it");
      decided.replaceAll(
          r ->
              r.id().equals(name)
                  ? r.withDecision(
                      new RunResults.Decision(
                          false,
                          "left out: "
                              + servedBy.get()
                              + ", in the accepted set already, serves its lookups (on its own: "
                              + r.decision().reason()
                              + ")",
                          r.decision().weightedMsSavedPerMinute()))
                  : r);
      picked.remove(i);
    }
  }

  /**
   * The index among {@code built} that serves each index {@code c} creates, described, when {@code
   * c} only creates b-tree indexes and every one of them is served: then applying it too would only
   * add a redundant index (and fail on a name both share).
   */
  private static Optional<String> servedBy(Candidate c, List<IndexSpec> built) {
    if (c.kind() != CandidateKind.CREATE_INDEX
        || c.indexes().isEmpty()
        || !c.rewrites().isEmpty()
        || !c.onlyBuildsIndexes()) {
      return Optional.empty();
    }
    List<String> by = new ArrayList<>();
    for (IndexSpec mine : c.indexes()) {
      Optional<IndexSpec> other = built.stream().filter(mine::servedBy).findFirst();
      if (other.isEmpty()) {
        return Optional.empty();
      }
      by.add(other.get().name() + " on " + other.get().describe());
    }
    return Optional.of(String.join(", ", by));
  }

  /**
   * Grows the accepted set to a fixed point, then prunes it. Every measured and rejected candidate
   * gets a second look on top of the set, one after the other (one accepted there is part of the
   * set for the next); after each pass in which some candidate joined, the candidates still
   * rejected whose routes overlap a newcomer's are looked at again, until a pass accepts none. Then
   * the leave-one-out pass ({@link SecondLook#leaveOneOut}) removes each plain index the set does
   * as well without. Replaces the results in {@code decided}; returns the set's folders.
   */
  private List<CandidateFolder> growAndPrune(
      List<CandidateFolder> picked,
      Map<String, CandidateFolder> byName,
      List<RunResults.CandidateResult> decided) {
    Map<String, Route> acceptedRoutes = new LinkedHashMap<>(run.routes());
    Set<String> rewritten = new LinkedHashSet<>();
    for (CandidateFolder f : picked) {
      for (Route rw : CandidateEvaluator.rewrites(f, run.routes())) {
        acceptedRoutes.put(rw.id(), rw);
        rewritten.add(rw.id());
      }
    }
    List<Integer> todo = new ArrayList<>();
    for (int k = 0; k < decided.size(); k++) {
      if (SecondLook.worthASecondLook(decided.get(k), rewritten, run.settings().rule())) {
        todo.add(k);
      }
    }
    try (SecondLook look = new SecondLook(run, picked, acceptedRoutes)) {
      if (!todo.isEmpty()) {
        run.phases().enter("second looks");
        run.log()
            .println(
                "== second look: "
                    + todo.size()
                    + " rejected candidates measured on top of the accepted set");
        run.log().flush();
        toFixedPoint(look, todo, byName, decided);
      }
      List<CandidateFolder> set = look.accepted();
      List<CandidateFolder> lowestFirst = new ArrayList<>(set);
      java.util.Collections.reverse(lowestFirst);
      run.phases().enter("leave-one-out");
      run.log().println("== leave-one-out: each plain index of the set taken out in turn");
      Map<String, String> removed = look.leaveOneOut(lowestFirst);
      decided.replaceAll(
          r ->
              removed.containsKey(r.id())
                  ? r.withDecision(
                      new RunResults.Decision(
                          false,
                          "left out by the leave-one-out pass: "
                              + removed.get(r.id())
                              + " (its own decision: "
                              + r.decision().reason()
                              + ")",
                          0))
                  : r);
      return look.accepted();
    }
  }

  /**
   * Second looks at the candidates of {@code todo} (indexes into {@code decided}) until a pass
   * accepts none; after the first pass, a candidate is looked at again only when a candidate that
   * joined since its last look affects one of its routes.
   */
  private void toFixedPoint(
      SecondLook look,
      List<Integer> todo,
      Map<String, CandidateFolder> byName,
      List<RunResults.CandidateResult> decided) {
    Map<Integer, RunResults.CandidateResult> alone = new LinkedHashMap<>();
    todo.forEach(k -> alone.put(k, decided.get(k)));
    Map<Integer, Integer> lookedAt = new LinkedHashMap<>();
    List<Set<String>> joinedRoutes = new ArrayList<>();
    List<Integer> pending = new ArrayList<>(todo);
    boolean changed = true;
    int pass = 0;
    while (changed && !pending.isEmpty()) {
      changed = false;
      pass++;
      for (java.util.Iterator<Integer> it = pending.iterator(); it.hasNext(); ) {
        int k = it.next();
        Set<String> mine = new LinkedHashSet<>(alone.get(k).affectedRoutes());
        int since = lookedAt.getOrDefault(k, -1);
        if (since >= 0 && !overlaps(mine, joinedRoutes.subList(since, joinedRoutes.size()))) {
          continue;
        }
        if (pass > 1) {
          run.log().println("   " + alone.get(k).id() + ": looked at again, the set has grown");
        }
        CandidateFolder f = byName.get(alone.get(k).id());
        RunResults.CandidateResult again = look.decide(f, alone.get(k));
        lookedAt.put(k, joinedRoutes.size());
        decided.set(k, again);
        if (again.decision().accepted()) {
          joinedRoutes.add(mine);
          it.remove();
          changed = true;
        }
      }
    }
  }

  private static boolean overlaps(Set<String> routes, List<Set<String>> joined) {
    return joined.stream().anyMatch(j -> j.stream().anyMatch(routes::contains));
  }

  /**
   * The routes of {@code all} to time again at the end ({@link RetimedRoutes}), given the tables
   * whose indexes {@code applied} changed and those the set rewrote (found by comparing the two
   * copies); every route when the copies cannot be compared, or when a picked candidate does more
   * than indexes and CLUSTER (a table setting or a trigger changes routes without showing in
   * either).
   */
  private List<String> retimedRoutes(
      List<CandidateFolder> picked,
      CandidateApplier.Applied applied,
      ConnectionSpec base,
      ConnectionSpec optimized,
      List<String> all,
      Set<String> rewritten,
      ScenarioMeasurer.Captured captured) {
    Optional<String> opaque =
        picked.stream()
            .filter(f -> !f.candidate().changesOnlyIndexesAndOrder())
            .map(f -> f.candidate().name())
            .findFirst();
    if (opaque.isPresent()) {
      run.log()
          .println(
              "   "
                  + opaque.get()
                  + " changes more than indexes and row order: every route is timed again");
      return all;
    }
    Set<String> changed = new LinkedHashSet<>();
    applied.added().forEach(i -> changed.add(i.table()));
    applied.dropped().forEach(i -> changed.add(i.table()));
    try {
      changed.addAll(TableFiles.rewritten(base, optimized));
    } catch (SQLException e) {
      run.log().println("   cannot compare the copies' tables, timing every route: " + e);
      return all;
    }
    return RetimedRoutes.select(run, all, rewritten, changed, captured.captures());
  }

  /** {@code routes} with the baseline's start-of-run timing for each route of {@code kept}. */
  private List<RunResults.RouteResult> keptTimings(
      List<RunResults.RouteResult> routes, List<String> kept) {
    Map<String, RunResults.RouteResult> before = run.baseline().byId();
    return routes.stream()
        .map(
            r ->
                kept.contains(r.id()) && before.get(r.id()).timing() != null
                    ? r.withTiming(before.get(r.id()).timing().reusedFrom("baseline"))
                    : r)
        .toList();
  }

  /**
   * {@code scenario} with each route of {@code timed} given its JMH timing (or failure) from {@code
   * jmh}; the other routes keep theirs.
   */
  private static RunResults.ScenarioResult retimed(
      RunResults.ScenarioResult scenario, ScenarioMeasurer.Jmh jmh, List<String> timed) {
    List<RunResults.RouteResult> out = new ArrayList<>();
    List<String> errors = new ArrayList<>(scenario.errors());
    for (RunResults.RouteResult r : scenario.routes()) {
      if (!timed.contains(r.id())) {
        out.add(r);
        continue;
      }
      var measured = jmh.routes().get(r.id());
      String error = r.error();
      if (measured == null && error == null) {
        error =
            jmh.failures().stream()
                .filter(p -> p.route().equals(r.id()))
                .map(p -> p.message())
                .findFirst()
                .orElse(null);
        if (error != null) {
          errors.add(r.id() + ": " + error);
        }
      }
      out.add(
          new RunResults.RouteResult(
              r.id(),
              r.name(),
              r.file(),
              r.weight(),
              r.writes(),
              measured == null ? null : measured.timing(),
              r.statements(),
              error,
              r.hotUpdateShare(),
              r.draws(),
              r.description()));
    }
    return new RunResults.ScenarioResult(
        scenario.name(), scenario.candidates(), out, List.copyOf(errors));
  }
}
