package dev.indexlab.scenario;

import dev.indexlab.results.RunResults;
import dev.indexlab.workload.Route;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * What evaluating candidates needs from its run, shared by {@link CandidateEvaluator}, {@link
 * AcceptedSet} and {@link SecondLook}: where scenario databases come from, how a scenario is
 * measured, the run's settings, the baseline, the routes by id, the tables each route writes
 * (cascades included), the log, and the run's phase clock.
 */
record Evaluation(
    ScenarioDatabases copies,
    ScenarioMeasurer measurer,
    RunPipeline.Settings settings,
    RunResults.ScenarioResult baseline,
    Map<String, Route> routes,
    Map<String, List<String>> written,
    PrintWriter log,
    Phases phases) {}
