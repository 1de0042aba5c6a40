package dev.indexlab.scenario;

import dev.indexlab.advise.AppliedIndexes;
import dev.indexlab.advise.CandidateFolder;
import dev.indexlab.advise.ProductionMigration;
import dev.indexlab.advise.Reason;
import dev.indexlab.advise.RouteRewrite;
import dev.indexlab.check.CandidateKind;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.results.RunResults;
import dev.indexlab.workload.ParameterSampler;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
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

  /** A capture stops after a draw this many times slower than the baseline ... */
  static final double STOP_FACTOR = 10;

  /** ... and at least this much slower (ms), so short routes always get every draw. */
  static final double STOP_MARGIN_MS = 200;

  private final Evaluation run;

  CandidateEvaluator(Evaluation run) {
    this.run = run;
  }

  /**
   * A candidate's result and, when it was measured, its scenario; {@code folder} is the candidate
   * with the indexes its migration made as the server reads them ({@link #asApplied}), or null when
   * the candidate was not measured.
   */
  record Evaluated(
      RunResults.CandidateResult result,
      RunResults.ScenarioResult scenario,
      CandidateFolder folder) {
    Evaluated(RunResults.CandidateResult result, RunResults.ScenarioResult scenario) {
      this(result, scenario, null);
    }
  }

  /**
   * Evaluates {@code folder}'s candidate: the what-if's verdict, then on its own copy the
   * migration, a rewrite's equivalence check, the capture of the routes it can affect and the
   * decision (with JMH where the rule needs it).
   */
  Evaluated evaluate(CandidateFolder folder) throws IOException, SQLException {
    RunResults.CandidateResult draft = draft(folder);
    if (folder.candidate().kind() == CandidateKind.API_REWRITE) {
      return new ApiRewriteTrial(run).evaluate(folder, draft);
    }
    if (!draft.whatIf().plannerWouldUse()) {
      return unmeasured(
          draft,
          null,
          null,
          new RunResults.Decision(
              false,
              "the planner would not use it (what-if: "
                  + folder.whatIfVerdict().orElseThrow()
                  + ")",
              0));
    }
    String id = folder.candidate().name();
    ConnectionSpec db = run.copies().copy(id);
    try {
      CandidateApplier.Applied applied = CandidateApplier.applyCandidates(db, id, List.of(folder));
      RunResults.Build build = build(applied);
      DecisionRule rule = run.settings().rule();
      if (!applied.ok()) {
        return unmeasured(
            draft, build, null, rule.decide(false, applied.error(), null, List.of(), 0, Map.of()));
      }
      List<Route> rewrites = rewrites(folder);
      Equivalence equivalence = equivalence(db, rewrites);
      if (equivalence.failure() != null) {
        return unmeasured(
            draft,
            build,
            equivalence.summary(),
            rule.decide(false, null, equivalence.failure(), List.of(), 0, Map.of()));
      }
      Affected affected = affected(applied, rewrites);
      CandidateFolder made = asApplied(folder, db, applied);
      Trial trial = measure(made, db, applied, build, rewrites, affected);
      run.log().println("   " + id + ": " + trial.decision().describe());
      return new Evaluated(
          completed(
              draft,
              build,
              List.copyOf(affected.ids()),
              trial.deltas(),
              equivalence.summary(),
              trial.decision()),
          trial.scenario(),
          made);
    } finally {
      run.copies().drop(id);
    }
  }

  /**
   * {@code folder} with its candidate's indexes as the server made them on {@code db}: what the
   * migration created, read from the catalog (an index on a partitioned table once, not once per
   * partition), in place of what the CREATE INDEX text said. A candidate that created no index (a
   * drop, a rewrite) keeps its own.
   */
  private static CandidateFolder asApplied(
      CandidateFolder folder, ConnectionSpec db, CandidateApplier.Applied applied)
      throws SQLException {
    List<String> made =
        applied.added().stream()
            .filter(i -> i.attachedTo() == null)
            .map(IndexInventory.IndexInfo::name)
            .toList();
    if (made.isEmpty()) {
      return folder;
    }
    try (Connection c = db.open()) {
      return folder.withIndexes(AppliedIndexes.read(c, made));
    }
  }

  /** What is known of a candidate before measuring it; each outcome completes it. */
  private static RunResults.CandidateResult draft(CandidateFolder folder) throws IOException {
    var cand = folder.candidate();
    boolean planned = folder.whatIfVerdict().map(v -> v.measure()).orElse(true);
    RunResults.WhatIf whatIf =
        new RunResults.WhatIf(
            planned,
            folder
                .whatIfSummary()
                .map(List::of)
                .orElse(List.of("hand-written: measured directly")));
    return new RunResults.CandidateResult(
        cand.name(),
        cand.kind().name(),
        cand.description(),
        migrationsText(folder),
        cand.reasons().stream().map(Reason::comment).toList(),
        production(folder),
        whatIf,
        null,
        List.of(),
        List.of(),
        null,
        null,
        List.of());
  }

  /** What building {@code applied} cost and made, as results.json records it. */
  static RunResults.Build build(CandidateApplier.Applied applied) {
    return new RunResults.Build(
        applied.buildMillis(),
        applied.addedBytes(),
        applied.added().stream().map(IndexInventory.IndexInfo::name).toList(),
        applied.error(),
        IndexInventory.partitioned(applied.added()));
  }

  /** The equivalence check's verdict per rewritten route, and the first difference found. */
  private record Equivalence(String summary, String failure) {}

  /**
   * Checks each of {@code rewrites} against the route it replaces on {@code db}, over {@link
   * #EQUIVALENCE_SETS} parameter sets of the run's pool; nothing to say without rewrites.
   */
  private Equivalence equivalence(ConnectionSpec db, List<Route> rewrites) throws SQLException {
    if (rewrites.isEmpty()) {
      return new Equivalence(null, null);
    }
    List<String> verdicts = new ArrayList<>();
    String failure = null;
    try (Connection c = db.open()) {
      for (Route rw : rewrites) {
        Route original = run.routes().get(rw.id());
        var params =
            ParameterSampler.pool(
                c,
                original,
                run.settings().bench().seed(),
                EQUIVALENCE_SETS,
                run.measurer().sampled());
        EquivalenceChecker.Result r = EquivalenceChecker.check(c, original, rw, params);
        verdicts.add(
            rw.id()
                + ": "
                + (r.equivalent()
                    ? "same rows and changes for " + r.parameterSetsChecked() + " parameter sets"
                    : "differs — " + r.firstDifference()));
        if (!r.equivalent() && failure == null) {
          failure = rw.id() + ": " + r.firstDifference();
        }
      }
    }
    return new Equivalence(String.join("; ", verdicts), failure);
  }

  /**
   * The routes a candidate can have changed: their ids (those reading or writing a table it
   * changes, and those it rewrites), the ones among them that write such a table, and the routes to
   * measure (a rewrite in place of the route it replaces).
   */
  private record Affected(Set<String> ids, List<String> writers, List<Route> toMeasure) {}

  private Affected affected(CandidateApplier.Applied applied, List<Route> rewrites) {
    Set<String> tables = new LinkedHashSet<>();
    applied.added().forEach(i -> tables.add(i.table()));
    applied.dropped().forEach(i -> tables.add(i.table()));
    Set<String> ids =
        new LinkedHashSet<>(
            AffectedRoutes.touching(run.baseline(), run.routes(), run.written(), tables));
    rewrites.forEach(r -> ids.add(r.id()));
    List<String> writers =
        AffectedRoutes.writing(run.baseline(), run.routes(), run.written(), tables);
    List<Route> toMeasure = new ArrayList<>();
    for (String rid : ids) {
      Route rw = rewrites.stream().filter(r -> r.id().equals(rid)).findFirst().orElse(null);
      toMeasure.add(rw != null ? rw : run.routes().get(rid));
    }
    return new Affected(ids, writers, toMeasure);
  }

  /** What measuring a candidate found: its scenario, its route deltas and the decision. */
  private record Trial(
      RunResults.ScenarioResult scenario,
      List<RunResults.RouteDelta> deltas,
      RunResults.Decision decision) {}

  /**
   * Captures the affected routes on the candidate's copy {@code db} and decides: on EXPLAIN alone
   * when it shows no gain the rule could accept (or a route broke), otherwise after JMH times the
   * routes whose figures could change the decision ({@link TimingFilter}).
   */
  private Trial measure(
      CandidateFolder folder,
      ConnectionSpec db,
      CandidateApplier.Applied applied,
      RunResults.Build build,
      List<Route> rewrites,
      Affected affected) {
    String id = folder.candidate().name();
    List<Route> toMeasure = affected.toMeasure();
    List<String> writers = affected.writers();
    List<String> indexNames = new ArrayList<>(build.indexes());
    Map<String, RunResults.RouteResult> before = run.baseline().byId();
    DecisionRule rule = run.settings().rule();
    boolean drop = folder.candidate().kind() == CandidateKind.DROP_INDEX;
    ScenarioMeasurer.Captured captured =
        run.measurer().capture(id, db, toMeasure, stopThresholds(toMeasure));
    RunResults.ScenarioResult explained =
        run.measurer().assemble(id, List.of(id), toMeasure, captured, ScenarioMeasurer.Jmh.none());
    List<RunResults.RouteDelta> early =
        markRewritesUsed(
            rule.deltas().explained(before, explained.byId(), writers, indexNames), rewrites);
    Optional<String> broke = failedWith(explained);
    if (broke.isPresent()) {
      return new Trial(explained, early, new RunResults.Decision(false, broke.get(), 0));
    }
    if (!rule.worthTiming(drop, early)) {
      return new Trial(explained, early, rule.untimed(early));
    }
    Set<String> rewritten = new LinkedHashSet<>();
    rewrites.forEach(r -> rewritten.add(r.id()));
    TimingFilter timed =
        new TimingFilter(
            rewritten,
            writers,
            indexNames,
            applied.dropped().stream().map(IndexInventory.IndexInfo::name).toList(),
            before,
            TimingFilter.decisive(rule, drop, early));
    RunResults.ScenarioResult scenario =
        run.measurer()
            .assemble(
                id,
                List.of(id),
                toMeasure,
                captured,
                run.measurer().benchWhere(id, db, toMeasure, captured, timed));
    List<RunResults.RouteDelta> deltas =
        markRewritesUsed(
            rule.deltas().timed(before, scenario.byId(), writers, indexNames), rewrites);
    Optional<String> unmeasured = unmeasured(scenario, deltas);
    RunResults.Decision decision =
        unmeasured.isPresent()
            ? new RunResults.Decision(false, unmeasured.get(), 0)
            : rule.decide(
                drop,
                null,
                null,
                deltas,
                applied.addedBytes(),
                DecisionRule.weights(run.routes().values()));
    return new Trial(scenario, deltas, decision);
  }

  /**
   * Why the candidate cannot be decided from its measurements, if it cannot: a route that ran in
   * the baseline failed with the candidate, or no affected route was measured in both scenarios
   * (the rule would otherwise read the missing numbers as "the planner did not use it").
   */
  private Optional<String> unmeasured(
      RunResults.ScenarioResult scenario, List<RunResults.RouteDelta> deltas) {
    Optional<String> broke = failedWith(scenario);
    if (broke.isPresent()) {
      return broke;
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

  /**
   * For each route, the EXPLAIN time of one draw past which its capture stops: ten times its
   * slowest baseline draw (each statement's slowest, summed) and at least {@link #STOP_MARGIN_MS}
   * more. Such a draw is slower than any draw of the baseline by a margin no rule allows, whatever
   * its parameters, and a route slowed from 0.2 to 3 seconds would otherwise cost half a minute of
   * captures.
   */
  private Map<String, Double> stopThresholds(List<Route> routes) {
    Map<String, RunResults.RouteResult> before = run.baseline().byId();
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (Route r : routes) {
      RunResults.RouteResult b = before.get(r.id());
      double slowest =
          b == null || b.statements() == null
              ? Double.NaN
              : b.statements().stream()
                  .mapToDouble(RunResults.StatementCapture::maxExecutionMs)
                  .sum();
      if (slowest > 0) {
        out.put(r.id(), Math.max(STOP_FACTOR * slowest, slowest + STOP_MARGIN_MS));
      }
    }
    return out;
  }

  /** A route that ran in the baseline and failed with the candidate, named with its error. */
  private Optional<String> failedWith(RunResults.ScenarioResult scenario) {
    Map<String, RunResults.RouteResult> before = run.baseline().byId();
    for (RunResults.RouteResult after : scenario.routes()) {
      RunResults.RouteResult b = before.get(after.id());
      if (after.error() != null && b != null && b.error() == null) {
        return Optional.of(after.id() + " failed with it: " + after.error());
      }
    }
    return Optional.empty();
  }

  private List<Route> rewrites(CandidateFolder folder) {
    return rewrites(folder, run.routes());
  }

  /** The candidate's route rewrites that replace routes of {@code routes}, parsed. */
  static List<Route> rewrites(CandidateFolder folder, Map<String, Route> routes) {
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
    return deltas.stream()
        .map(d -> rewrites.stream().anyMatch(r -> r.id().equals(d.route())) ? d.asUsed() : d)
        .toList();
  }

  /** {@code draft} with what measuring it found (an API rewrite's trial completes it too). */
  static RunResults.CandidateResult completed(
      RunResults.CandidateResult draft,
      RunResults.Build build,
      List<String> affected,
      List<RunResults.RouteDelta> deltas,
      String equivalence,
      RunResults.Decision decision) {
    return new RunResults.CandidateResult(
        draft.id(),
        draft.kind(),
        draft.description(),
        draft.ddl(),
        draft.reasons(),
        draft.productionMigration(),
        draft.whatIf(),
        build,
        affected,
        deltas,
        equivalence,
        decision,
        List.of());
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

  /** {@code draft} decided before any route was measured: no routes, no deltas, no scenario. */
  private static Evaluated unmeasured(
      RunResults.CandidateResult draft,
      RunResults.Build build,
      String equivalence,
      RunResults.Decision decision) {
    return new Evaluated(
        completed(draft, build, List.of(), List.of(), equivalence, decision), null);
  }
}
