package dev.indexlab.scenario;

import dev.indexlab.advise.CandidateFolder;
import dev.indexlab.advise.RouteRewrite;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.results.RunResults;
import dev.indexlab.stats.Numbers;
import dev.indexlab.workload.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a candidate that changes the application's API ({@code API_REWRITE}: keyset pagination
 * in place of OFFSET, say). Its rows differ from the route's by design, so it is not checked for
 * equivalence; it is measured as a rewrite is, against the route it replaces with the same
 * parameter draws (EXPLAIN on its own copy, draw k with parameter set k as in the baseline; JMH on
 * that copy and a fresh baseline copy side by side, route by route), and its deltas are recorded
 * for the report's "if the API changes" line. It is never accepted, so it never joins the accepted
 * set, its second looks, the leave-one-out pass or the credits: shipping it takes a change to the
 * application, not a migration.
 *
 * <p>A rewrite's parameters pair with the original's when its {@code @param} lines draw from rows
 * in the same canonical order: draw k of both takes row k of its sampling query (the sampler seeds
 * from the route id, which a rewrite keeps). The bundled keyset rewrite of {@code song_get_library}
 * samples, for each page offset the original samples, the key of the row before that page.
 */
final class ApiRewriteTrial {
  /** What {@code results.json} says of the equivalence check it skips. */
  static final String NOT_CHECKED =
      "not checked: the rewrite changes the API, its rows differ by design";

  private final Evaluation run;

  ApiRewriteTrial(Evaluation run) {
    this.run = run;
  }

  /** Measures {@code folder}'s rewrites; {@code draft} is what is known before measuring. */
  CandidateEvaluator.Evaluated evaluate(CandidateFolder folder, RunResults.CandidateResult draft) {
    String id = draft.id();
    List<Route> rewrites = CandidateEvaluator.rewrites(folder, run.routes());
    if (rewrites.isEmpty()) {
      List<String> named =
          folder.candidate().rewrites().stream().map(RouteRewrite::routeId).toList();
      return new CandidateEvaluator.Evaluated(
          result(
              draft,
              null,
              List.of(),
              List.of(),
              new RunResults.Decision(
                  false,
                  "changes the API; not measured: "
                      + String.join(", ", named)
                      + (named.size() == 1 ? " is" : " are")
                      + " not among this run's routes",
                  0)),
          null);
    }
    List<String> ids = rewrites.stream().map(Route::id).toList();
    ConnectionSpec db = run.copies().copy(id);
    try {
      CandidateApplier.Applied applied = CandidateApplier.applyCandidates(db, id, List.of(folder));
      RunResults.Build build = CandidateEvaluator.build(applied);
      if (!applied.ok()) {
        RunResults.Decision failed =
            new RunResults.Decision(
                false, "changes the API; its migration failed: " + applied.error(), 0);
        return new CandidateEvaluator.Evaluated(result(draft, build, ids, List.of(), failed), null);
      }
      ScenarioMeasurer.Captured captured = run.measurer().capture(id, db, rewrites);
      Map<String, RunResults.RouteResult> before = new LinkedHashMap<>(run.baseline().byId());
      ScenarioMeasurer.Jmh jmh;
      if (run.copies().holdsTwoAtOnce()) {
        String baseName = id + ".baseline";
        ConnectionSpec base = run.copies().copy(baseName);
        try {
          SideBySide.Result pair =
              SideBySide.measure(
                  run.measurer(),
                  new SideBySide.Side(
                      baseName,
                      base,
                      List.copyOf(run.routes().values()),
                      AcceptedSet.expectedMs(run.baseline())),
                  new SideBySide.Side(id, db, rewrites, captured.expectedMs()),
                  ids);
          jmh = pair.second();
          before.replaceAll((route, r) -> pair.first().retimed(r));
        } finally {
          run.copies().drop(baseName);
        }
      } else {
        // one database at a time (in place): against the baseline's start-of-run timing
        jmh = run.measurer().bench(id, db, rewrites, ids, captured.expectedMs());
      }
      RunResults.ScenarioResult scenario =
          run.measurer().assemble(id, List.of(id), rewrites, captured, jmh);
      DecisionRule rule = run.settings().rule();
      // with the JMH comparison where both sides were timed, from EXPLAIN alone where not
      List<RunResults.RouteDelta> deltas =
          rule.deltas().timed(before, scenario.byId(), List.of(), List.of()).stream()
              .map(RunResults.RouteDelta::asUsed)
              .toList();
      RunResults.Decision decision = new RunResults.Decision(false, reason(deltas, scenario), 0);
      run.log().println("   " + id + ": " + decision.describe());
      return new CandidateEvaluator.Evaluated(
          result(draft, build, ids, deltas, decision), scenario);
    } finally {
      run.copies().drop(id);
    }
  }

  /**
   * "changes the API: measured against the route it replaces, never accepted; route: EXPLAIN a → b
   * ms, JMH median c → d ms", or what kept it from being measured.
   */
  static String reason(List<RunResults.RouteDelta> deltas, RunResults.ScenarioResult scenario) {
    StringBuilder s =
        new StringBuilder(
            "changes the API (its rows differ by design, so no equivalence check): measured"
                + " against the route it replaces, never part of the accepted set");
    if (deltas.isEmpty()) {
      s.append("; not measured in both scenarios");
      scenario.errors().stream().findFirst().ifPresent(e -> s.append(" (").append(e).append(')'));
      return s.toString();
    }
    List<String> figures = new ArrayList<>();
    for (RunResults.RouteDelta d : deltas) {
      String f =
          d.route()
              + ": EXPLAIN "
              + Numbers.ms(d.explainBeforeMs())
              + " → "
              + Numbers.ms(d.explainAfterMs())
              + " ms";
      if (d.jmh() != null) {
        f +=
            ", JMH median "
                + Numbers.ms(d.jmh().medianBefore())
                + " → "
                + Numbers.ms(d.jmh().medianAfter())
                + " ms";
      } else {
        f += ", not compared under JMH";
      }
      figures.add(f);
    }
    return s.append("; ").append(String.join("; ", figures)).toString();
  }

  private static RunResults.CandidateResult result(
      RunResults.CandidateResult draft,
      RunResults.Build build,
      List<String> affected,
      List<RunResults.RouteDelta> deltas,
      RunResults.Decision decision) {
    return CandidateEvaluator.completed(
        draft, build, List.copyOf(affected), deltas, NOT_CHECKED, decision);
  }
}
