package dev.indexlab.scenario;

import dev.indexlab.advise.Candidate;
import dev.indexlab.advise.CandidateFolder;
import dev.indexlab.advise.CandidateKind;
import dev.indexlab.advise.IndexSpec;
import dev.indexlab.advise.ProductionMigration;
import dev.indexlab.advise.Reason;
import dev.indexlab.advise.RouteRewrite;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.workload.ParameterSampler;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
 * Evaluates one candidate on its own scenario database ({@link ScenarioDatabases}: a copy, or the
 * database itself reverted afterwards) against the baseline: applies its migrations, checks a
 * rewrite's equivalence, re-measures only the routes it can affect (plus every route that writes
 * the indexed tables, for the write overhead), and decides with the {@link DecisionRule}. Also
 * builds the "optimized" scenario from the accepted candidates.
 */
final class CandidateEvaluator {
  private static final int EQUIVALENCE_SETS = 20;

  private final ScenarioDatabases copies;
  private final ScenarioMeasurer measurer;
  private final RunPipeline.Settings settings;
  private final RunResults.ScenarioResult baseline;
  private final Map<String, Route> routes;
  private final Map<String, List<String>> written;
  private final PrintWriter log;

  CandidateEvaluator(
      ScenarioDatabases copies,
      ScenarioMeasurer measurer,
      RunPipeline.Settings settings,
      RunResults.ScenarioResult baseline,
      Map<String, Route> routes,
      Map<String, List<String>> written,
      PrintWriter log) {
    this.copies = copies;
    this.measurer = measurer;
    this.settings = settings;
    this.baseline = baseline;
    this.routes = routes;
    this.written = written;
    this.log = log;
  }

  /** A candidate's result and, when it was measured, its scenario. */
  record Evaluated(RunResults.CandidateResult result, RunResults.ScenarioResult scenario) {}

  Evaluated evaluate(CandidateFolder folder) throws IOException, SQLException {
    var cand = folder.candidate();
    String id = cand.name();
    boolean planned = folder.whatIfVerdict().map(v -> v.measure()).orElse(true);
    RunResults.WhatIf whatIf =
        new RunResults.WhatIf(
            planned,
            folder
                .whatIfSummary()
                .map(List::of)
                .orElse(List.of("hand-written: measured directly")));
    List<String> ddl = migrationsText(folder);
    List<String> reasons = cand.reasons().stream().map(Reason::comment).toList();
    String production = production(folder);
    if (!planned) {
      return new Evaluated(
          result(
              folder,
              ddl,
              reasons,
              production,
              whatIf,
              null,
              List.of(),
              List.of(),
              null,
              new RunResults.Decision(
                  false,
                  "the planner would not use it (what-if: "
                      + folder.whatIfVerdict().orElseThrow()
                      + ")",
                  0)),
          null);
    }
    ConnectionSpec db = copies.copy(id);
    try {
      Path staged = folder.stageMigrations(Files.createTempDirectory("indexlab-candidate-"));
      CandidateApplier.Applied applied;
      try {
        applied =
            CandidateApplier.apply(db, id, List.of(staged)).shownFrom(staged, folder.directory());
      } finally {
        deleteTree(staged);
      }
      RunResults.Build build =
          new RunResults.Build(
              applied.buildMillis(),
              applied.addedBytes(),
              applied.added().stream().map(IndexInventory.IndexInfo::name).toList(),
              applied.error());
      if (!applied.ok()) {
        return new Evaluated(
            result(
                folder,
                ddl,
                reasons,
                production,
                whatIf,
                build,
                List.of(),
                List.of(),
                null,
                settings.rule().decide(false, applied.error(), null, List.of(), 0, Map.of())),
            null);
      }
      List<Route> rewrites = rewrites(folder);
      String equivalence = null;
      String failure = null;
      if (!rewrites.isEmpty()) {
        try (Connection c = db.open()) {
          List<String> verdicts = new ArrayList<>();
          for (Route rw : rewrites) {
            Route original = routes.get(rw.id());
            var params =
                ParameterSampler.pool(c, original, settings.bench().seed(), EQUIVALENCE_SETS);
            EquivalenceChecker.Result r = EquivalenceChecker.check(c, original, rw, params);
            verdicts.add(
                rw.id()
                    + ": "
                    + (r.equivalent()
                        ? "same rows and changes for "
                            + r.parameterSetsChecked()
                            + " parameter sets"
                        : "differs — " + r.firstDifference()));
            if (!r.equivalent() && failure == null) {
              failure = rw.id() + ": " + r.firstDifference();
            }
          }
          equivalence = String.join("; ", verdicts);
        }
      }
      if (failure != null) {
        return new Evaluated(
            result(
                folder,
                ddl,
                reasons,
                production,
                whatIf,
                build,
                List.of(),
                List.of(),
                equivalence,
                settings.rule().decide(false, null, failure, List.of(), 0, Map.of())),
            null);
      }
      Set<String> tables = new LinkedHashSet<>();
      applied.added().forEach(i -> tables.add(i.table()));
      applied.dropped().forEach(i -> tables.add(i.table()));
      Set<String> affected =
          new LinkedHashSet<>(AffectedRoutes.touching(baseline, routes, written, tables));
      rewrites.forEach(r -> affected.add(r.id()));
      List<String> writers = AffectedRoutes.writing(baseline, routes, written, tables);
      List<Route> toMeasure = new ArrayList<>();
      for (String rid : affected) {
        Route rw = rewrites.stream().filter(r -> r.id().equals(rid)).findFirst().orElse(null);
        toMeasure.add(rw != null ? rw : routes.get(rid));
      }
      List<String> indexNames = new ArrayList<>(build.indexes());
      List<String> droppedNames =
          applied.dropped().stream().map(IndexInventory.IndexInfo::name).toList();
      Map<String, RunResults.RouteResult> before = byId(baseline);
      Set<String> rewritten = new LinkedHashSet<>();
      rewrites.forEach(r -> rewritten.add(r.id()));
      RunResults.ScenarioResult scenario =
          measurer.measure(
              id,
              List.of(id),
              db,
              toMeasure,
              (route, capture) ->
                  rewritten.contains(route.id())
                      || writers.contains(route.id())
                      || DecisionRule.usesAny(capture.statements(), indexNames)
                      || (before.containsKey(route.id())
                          && DecisionRule.usesAny(
                              before.get(route.id()).statements(), droppedNames)));
      List<RunResults.RouteDelta> deltas =
          settings.rule().deltas(byId(baseline), byId(scenario), writers, indexNames);
      if (!rewrites.isEmpty()) {
        deltas = markRewritesUsed(deltas, rewrites);
      }
      Map<String, Double> weights = new LinkedHashMap<>();
      routes.values().forEach(r -> weights.put(r.id(), r.weight()));
      boolean drop = cand.kind() == CandidateKind.DROP_INDEX;
      Optional<String> unmeasured = unmeasured(scenario, deltas);
      RunResults.Decision decision =
          unmeasured.isPresent()
              ? new RunResults.Decision(false, unmeasured.get(), 0)
              : settings.rule().decide(drop, null, null, deltas, applied.addedBytes(), weights);
      log.println(
          "   "
              + id
              + ": "
              + (decision.accepted() ? "accepted" : "rejected")
              + " — "
              + decision.reason());
      return new Evaluated(
          result(
              folder,
              ddl,
              reasons,
              production,
              whatIf,
              build,
              List.copyOf(affected),
              deltas,
              equivalence,
              decision),
          scenario);
    } finally {
      copies.drop(id);
    }
  }

  /**
   * The end of a run: the baseline and the optimized scenario with their JMH timings measured side
   * by side.
   */
  record Final(
      RunResults.ScenarioResult baseline,
      RunResults.ScenarioResult optimized,
      List<RunResults.CandidateResult> candidates) {}

  /**
   * The accepted candidates applied together on one copy and every route captured there; then every
   * route measured under JMH on a fresh baseline copy and on the optimized copy side by side
   * ({@link SideBySide}), so that the report's before/after table compares figures taken seconds
   * apart. The baseline keeps its plans from the start of the run; its timings are replaced.
   */
  Final optimized(List<CandidateFolder> folders, List<RunResults.CandidateResult> results)
      throws IOException {
    Map<String, CandidateFolder> byName = new LinkedHashMap<>();
    folders.forEach(f -> byName.put(f.candidate().name(), f));
    List<RunResults.CandidateResult> accepted =
        results.stream()
            .filter(r -> r.decision().accepted())
            .sorted(
                Comparator.comparingDouble(
                    (RunResults.CandidateResult r) -> -r.decision().weightedMsSavedPerMinute()))
            .toList();
    List<String> chosen = new ArrayList<>();
    long bytes = 0;
    Path staged = Files.createTempDirectory("indexlab-optimized-");
    Map<String, Route> measured = new LinkedHashMap<>(routes);
    Set<String> rewritten = new LinkedHashSet<>();
    ConnectionSpec db = copies.copy("optimized");
    try {
      List<CandidateFolder> picked = new ArrayList<>();
      for (RunResults.CandidateResult r : accepted) {
        long size = r.build() == null ? 0 : r.build().bytes();
        if (bytes + size > settings.rule().indexBudgetBytes()) {
          log.println("   " + r.id() + ": left out of optimized, over the index budget");
          continue;
        }
        bytes += size;
        picked.add(byName.get(r.id()));
      }
      List<RunResults.CandidateResult> decided = new ArrayList<>(results);
      if (copies.holdsTwoAtOnce() && !picked.isEmpty()) {
        picked.addAll(secondLook(picked, byName, decided));
      }
      // lowest ranked first: a plain index that another picked candidate's index already serves
      // (a longer one leading with its columns, or the same index built for a CLUSTER) is left out
      for (int i = picked.size() - 1; i >= 0; i--) {
        List<IndexSpec> others = new ArrayList<>();
        for (int j = 0; j < picked.size(); j++) {
          if (j != i) {
            others.addAll(picked.get(j).candidate().indexes());
          }
        }
        Optional<String> servedBy = servedBy(picked.get(i).candidate(), others);
        if (servedBy.isPresent()) {
          String name = picked.get(i).candidate().name();
          log.println("   " + name + ": left out of optimized, " + servedBy.get() + " serves it");
          for (int k = 0; k < decided.size(); k++) {
            RunResults.CandidateResult r = decided.get(k);
            if (r.id().equals(name)) {
              decided.set(
                  k,
                  withDecision(
                      r,
                      new RunResults.Decision(
                          false,
                          "left out: "
                              + servedBy.get()
                              + ", in the accepted set already, serves its lookups (on its own: "
                              + r.decision().reason()
                              + ")",
                          r.decision().weightedMsSavedPerMinute())));
            }
          }
          picked.remove(i);
        }
      }
      for (CandidateFolder f : picked) {
        chosen.add(f.candidate().name());
        f.stageMigrations(staged);
        for (Route rw : rewrites(f)) {
          if (rewritten.add(rw.id())) {
            measured.put(rw.id(), rw);
          }
        }
      }
      CandidateApplier.Applied applied = CandidateApplier.apply(db, "optimized", List.of(staged));
      List<String> errors = new ArrayList<>();
      if (!applied.ok()) {
        errors.add("applying the accepted candidates failed: " + applied.error());
      }
      List<Route> optimizedRoutes = List.copyOf(measured.values());
      List<String> ids = optimizedRoutes.stream().map(Route::id).toList();
      ScenarioMeasurer.Captured captured = measurer.capture("optimized", db, optimizedRoutes);
      if (!copies.holdsTwoAtOnce()) {
        // one database: the baseline's figures from the start of the run stand
        RunResults.ScenarioResult alone =
            measurer.assemble(
                "optimized",
                chosen,
                optimizedRoutes,
                captured,
                measurer.bench("optimized", db, optimizedRoutes, ids));
        errors.addAll(alone.errors());
        return new Final(
            baseline,
            new RunResults.ScenarioResult("optimized", chosen, alone.routes(), errors),
            decided);
      }
      ConnectionSpec base = copies.copy("baseline");
      SideBySide.Result jmh =
          SideBySide.measure(
              measurer,
              new SideBySide.Side("baseline", base, List.copyOf(routes.values())),
              new SideBySide.Side("optimized", db, optimizedRoutes),
              ids);
      RunResults.ScenarioResult s =
          measurer.assemble("optimized", chosen, optimizedRoutes, captured, jmh.second());
      errors.addAll(s.errors());
      return new Final(
          retimed(baseline, jmh.first()),
          new RunResults.ScenarioResult(s.name(), s.candidates(), s.routes(), errors),
          decided);
    } finally {
      deleteTree(staged);
      copies.drop("optimized");
      copies.drop("baseline");
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
   * Gives every measured and rejected candidate a second look on top of {@code picked}, one after
   * the other (one accepted here is part of the set for the next); replaces their results in {@code
   * decided} and returns the folders now accepted.
   */
  private List<CandidateFolder> secondLook(
      List<CandidateFolder> picked,
      Map<String, CandidateFolder> byName,
      List<RunResults.CandidateResult> decided)
      throws IOException {
    Map<String, Route> acceptedRoutes = new LinkedHashMap<>(routes);
    Set<String> rewritten = new LinkedHashSet<>();
    for (CandidateFolder f : picked) {
      for (Route rw : rewrites(f)) {
        acceptedRoutes.put(rw.id(), rw);
        rewritten.add(rw.id());
      }
    }
    List<Integer> todo = new ArrayList<>();
    for (int k = 0; k < decided.size(); k++) {
      if (SecondLook.worthASecondLook(decided.get(k), rewritten)) {
        todo.add(k);
      }
    }
    if (todo.isEmpty()) {
      return List.of();
    }
    log.println(
        "== second look: "
            + todo.size()
            + " rejected candidates measured on top of the accepted set");
    log.flush();
    Map<String, Double> weights = new LinkedHashMap<>();
    routes.values().forEach(r -> weights.put(r.id(), r.weight()));
    List<CandidateFolder> late = new ArrayList<>();
    try (SecondLook look =
        new SecondLook(
            copies,
            measurer,
            settings.rule(),
            written,
            baseline,
            routes,
            log,
            picked,
            acceptedRoutes)) {
      for (int k : todo) {
        CandidateFolder f = byName.get(decided.get(k).id());
        RunResults.CandidateResult again = look.decide(f, decided.get(k), weights);
        decided.set(k, again);
        if (again.decision().accepted()) {
          late.add(f);
        }
      }
    }
    return late;
  }

  /** {@code r} with another decision. */
  static RunResults.CandidateResult withDecision(
      RunResults.CandidateResult r, RunResults.Decision decision) {
    return new RunResults.CandidateResult(
        r.id(),
        r.kind(),
        r.description(),
        r.ddl(),
        r.reasons(),
        r.productionMigration(),
        r.whatIf(),
        r.build(),
        r.affectedRoutes(),
        r.deltas(),
        r.equivalence(),
        decision);
  }

  /** {@code scenario} with each route's JMH timing (or failure) taken from {@code jmh}. */
  private static RunResults.ScenarioResult retimed(
      RunResults.ScenarioResult scenario, ScenarioMeasurer.Jmh jmh) {
    List<RunResults.RouteResult> out = new ArrayList<>();
    List<String> errors = new ArrayList<>(scenario.errors());
    for (RunResults.RouteResult r : scenario.routes()) {
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
              measured == null ? null : ScenarioMeasurer.timing(measured),
              r.statements(),
              error,
              r.hotUpdateShare()));
    }
    return new RunResults.ScenarioResult(
        scenario.name(), scenario.candidates(), out, List.copyOf(errors));
  }

  /**
   * Why the candidate cannot be decided from its measurements, if it cannot: a route that ran in
   * the baseline failed with the candidate, or no affected route was measured in both scenarios
   * (the rule would otherwise read the missing numbers as "the planner did not use it").
   */
  private Optional<String> unmeasured(
      RunResults.ScenarioResult scenario, List<RunResults.RouteDelta> deltas) {
    Map<String, RunResults.RouteResult> before = byId(baseline);
    for (RunResults.RouteResult after : scenario.routes()) {
      RunResults.RouteResult b = before.get(after.id());
      if (after.error() != null && b != null && b.error() == null) {
        return Optional.of(after.id() + " failed with it: " + after.error());
      }
    }
    boolean benched = scenario.routes().stream().anyMatch(r -> r.timing() != null);
    if (!benched && scenario.errors().isEmpty()) {
      return Optional.of("the planner did not use it for any affected route");
    }
    if (deltas.isEmpty() && !scenario.routes().isEmpty()) {
      return Optional.of(
          "no affected route was measured in both scenarios"
              + scenario.errors().stream().findFirst().map(e -> " (" + e + ")").orElse(""));
    }
    return Optional.empty();
  }

  private List<Route> rewrites(CandidateFolder folder) {
    List<Route> out = new ArrayList<>();
    for (RouteRewrite rw : folder.candidate().rewrites()) {
      if (routes.containsKey(rw.routeId())) {
        out.add(RouteParser.parse(rw.file()));
      }
    }
    return out;
  }

  private static List<RunResults.RouteDelta> markRewritesUsed(
      List<RunResults.RouteDelta> deltas, List<Route> rewrites) {
    List<RunResults.RouteDelta> out = new ArrayList<>();
    for (RunResults.RouteDelta d : deltas) {
      boolean rewritten = rewrites.stream().anyMatch(r -> r.id().equals(d.route()));
      out.add(
          rewritten && !d.usesCandidate()
              ? new RunResults.RouteDelta(
                  d.route(),
                  d.meanBeforeMs(),
                  d.meanAfterMs(),
                  d.p95BeforeMs(),
                  d.p95AfterMs(),
                  d.explainBeforeMs(),
                  d.explainAfterMs(),
                  d.buffersBefore(),
                  d.buffersAfter(),
                  d.walBytesBefore(),
                  d.walBytesAfter(),
                  d.writesIndexedTable(),
                  true,
                  d.significant(),
                  d.hotUpdateShareBefore(),
                  d.hotUpdateShareAfter())
              : d);
    }
    return out;
  }

  private static Map<String, RunResults.RouteResult> byId(RunResults.ScenarioResult s) {
    Map<String, RunResults.RouteResult> m = new LinkedHashMap<>();
    s.routes().forEach(r -> m.put(r.id(), r));
    return m;
  }

  private static RunResults.CandidateResult result(
      CandidateFolder folder,
      List<String> ddl,
      List<String> reasons,
      String production,
      RunResults.WhatIf whatIf,
      RunResults.Build build,
      List<String> affected,
      List<RunResults.RouteDelta> deltas,
      String equivalence,
      RunResults.Decision decision) {
    var cand = folder.candidate();
    return new RunResults.CandidateResult(
        cand.name(),
        cand.kind().name(),
        cand.description(),
        ddl,
        reasons,
        production,
        whatIf,
        build,
        affected,
        deltas,
        equivalence,
        decision);
  }

  private static List<String> migrationsText(CandidateFolder folder) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path m : folder.migrations()) {
      out.add(Files.readString(m, StandardCharsets.UTF_8).strip());
    }
    return out;
  }

  private static String production(CandidateFolder folder) throws IOException {
    List<String> parts = new ArrayList<>();
    for (Path p : folder.productionMigrations()) {
      parts.add(Files.readString(p, StandardCharsets.UTF_8).strip());
    }
    if (!parts.isEmpty()) {
      return String.join("\n\n", parts);
    }
    return ProductionMigration.statements(folder.candidate())
        .map(s -> String.join(";\n", s) + ";")
        .orElse(null);
  }

  private static void deleteTree(Path root) {
    try (var walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp folder; best effort
    }
  }
}
