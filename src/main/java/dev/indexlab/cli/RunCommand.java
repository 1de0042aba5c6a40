package dev.indexlab.cli;

import dev.indexlab.IndexlabException;
import dev.indexlab.bench.BenchSettings;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.report.ReportWriter;
import dev.indexlab.report.RunResultsJson;
import dev.indexlab.results.RunResults;
import dev.indexlab.results.RunResults.Rule;
import dev.indexlab.scenario.DecisionRule;
import dev.indexlab.scenario.RunPipeline;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.seed.SeededDatabase;
import dev.indexlab.stats.Significance;
import dev.indexlab.workload.ParameterSampler;
import dev.indexlab.workload.RouteProblem;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code indexlab run}: the whole pipeline, from seed to report. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "The whole pipeline: seed (or reuse) the data, measure every route (JMH + EXPLAIN) on a"
          + " copy, advise, evaluate each candidate on its own copy against the baseline, measure"
          + " the accepted set together, and write the reports. Without CREATEDB on a JDBC URL,"
          + " --in-place applies and reverts each candidate on the database itself.",
      "Results: RESULTS/results.json, plans and JMH files; reports: REPORTS/README.md and one"
          + " page per candidate.",
      "Exit status: 0 done, 1 a route or candidate failed, 2 usage."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;
  @Mixin WorkloadOptions workload;
  @Mixin SeedingOptions seeding;
  @Mixin ProfileOptions profile;

  @Option(
      names = "--threads",
      defaultValue = "1",
      paramLabel = "N",
      description = "Concurrent clients per route. Default: ${DEFAULT-VALUE}.")
  int threads;

  @Option(
      names = "--commit",
      description = "Commit every measured invocation instead of rolling it back.")
  boolean commit;

  @Option(
      names = "--in-place",
      description =
          "When the database cannot be copied (a JDBC URL whose role lacks CREATEDB), apply each"
              + " candidate to the database itself and revert it afterwards, checking its indexes,"
              + " extensions and table checksums against a snapshot after every scenario. Not with"
              + " --commit.")
  boolean inPlace;

  @Mixin DrawsOption draws;

  @Mixin RouteOptions routes;

  @Option(
      names = "--results",
      defaultValue = "results/run",
      paramLabel = "DIR",
      description = "Where results, plans and candidates go. Default: ${DEFAULT-VALUE}.")
  Path results;

  @Option(
      names = "--reports",
      defaultValue = "reports",
      paramLabel = "DIR",
      description = "Where the markdown reports go. Default: ${DEFAULT-VALUE}.")
  Path reports;

  @Option(names = "--no-advise", description = "Evaluate only the workload's own candidates.")
  boolean noAdvise;

  @Option(
      names = "--min-gain",
      defaultValue = "" + Rule.DEFAULT_MIN_GAIN_PERCENT,
      paramLabel = "PERCENT",
      description =
          "A candidate must make some route this much faster. Default: ${DEFAULT-VALUE}%%.")
  double minGain;

  @Option(
      names = "--min-gain-ms",
      defaultValue = "" + Significance.DEFAULT_FLOOR_MS,
      paramLabel = "MS",
      description =
          "No change smaller than this many ms per call counts, faster or slower: the floor of the"
              + " significance rule. Default: ${DEFAULT-VALUE}.")
  double minGainMs;

  @Option(
      names = "--max-regression",
      defaultValue = "" + Rule.DEFAULT_MAX_REGRESSION_PERCENT,
      paramLabel = "PERCENT",
      description =
          "No route may get significantly slower by more than this. Default: ${DEFAULT-VALUE}%%.")
  double maxRegression;

  @Option(
      names = "--max-regression-ms",
      defaultValue = "" + Rule.DEFAULT_MAX_REGRESSION_MS,
      paramLabel = "MS",
      description =
          "...and by more than this many ms per call (write overhead below it is reported, not"
              + " blocking). Default: ${DEFAULT-VALUE}.")
  double maxRegressionMs;

  @Option(
      names = "--index-budget",
      paramLabel = "MB",
      description = "Total size of the accepted indexes, in MB (default: no limit).")
  Double indexBudgetMb;

  @Override
  public Integer call() throws Exception {
    int drawCount = draws.value();
    OptionChecks.atLeast("--threads", threads, 1);
    OptionChecks.positive("--min-gain", minGain);
    if (!(minGain < 100)) {
      throw IndexlabException.usage("--min-gain must be below 100, was " + minGain);
    }
    OptionChecks.nonNegative("--max-regression", maxRegression);
    OptionChecks.nonNegative("--max-regression-ms", maxRegressionMs);
    if (indexBudgetMb != null) {
      OptionChecks.nonNegative("--index-budget", indexBudgetMb);
    }
    if (inPlace && commit) {
      throw IndexlabException.usage(
          "--in-place cannot be combined with --commit: committed route writes cannot be reverted");
    }
    OptionChecks.writableDirectory("--results", results);
    OptionChecks.writableDirectory("--reports", reports);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Workload w = workload.open();
    SeedOptions seed = seeding.toOptions();
    SeededDatabase.expectedRows(w, seed);
    // an unknown --routes id is a usage error here, before a server starts
    List<RouteProblem> leftOut = routes.select(w).problems();
    profile.profile();
    long budget = indexBudgetMb == null ? Long.MAX_VALUE : (long) (indexBudgetMb * 1024 * 1024);
    if (!(minGainMs >= 0) || Double.isInfinite(minGainMs)) {
      throw IndexlabException.usage("--min-gain-ms must be a number >= 0, was " + minGainMs);
    }
    DecisionRule rule =
        new DecisionRule(minGain / 100, minGainMs, maxRegression / 100, maxRegressionMs, budget);
    BenchSettings bench =
        new BenchSettings(
            profile.profile(),
            threads,
            commit,
            seed.seed(),
            ParameterSampler.DEFAULT_POOL_SIZE,
            seed.scale(),
            "baseline",
            results);
    long start = System.nanoTime();
    RunResults r;
    try (DatabaseTarget t = target.open()) {
      RunPipeline.Settings settings =
          new RunPipeline.Settings(
              seed, bench, drawCount, results, !noAdvise, rule, routes.ids(), inPlace);
      PrintWriter log = QuietLog.of(err, seeding.quiet);
      r = new RunPipeline(t, w, settings, log, seeding.progress()).run();
    }
    RunResultsJson.write(r, results.resolve(RunResultsJson.FILE_NAME));
    List<String> files = new ReportWriter(r, results, FlagNames::flag).writeTo(reports);
    long accepted = r.candidates().stream().filter(c -> c.decision().accepted()).count();
    List<String> problems = RunProblems.of(r);
    out.printf(
        Locale.ROOT,
        "indexlab run: %d candidates, %d accepted; results %s; reports %s (%d files); %.0f s%n",
        r.candidates().size(),
        accepted,
        results.resolve(RunResultsJson.FILE_NAME),
        reports.resolve(ReportWriter.SUMMARY),
        files.size(),
        (System.nanoTime() - start) / 1e9);
    if (!problems.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "indexlab run: %d problem(s), listed under \"Problems during the run\" in %s:%n",
          problems.size(),
          reports.resolve(ReportWriter.SUMMARY));
      problems.forEach(p -> out.println("  " + p));
    }
    out.flush();
    return problems.isEmpty() && leftOut.isEmpty() ? 0 : IndexlabException.JOB_FAILED;
  }
}
