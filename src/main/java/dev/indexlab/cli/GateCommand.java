package dev.indexlab.cli;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.gate.Baseline;
import dev.indexlab.gate.BaselineFile;
import dev.indexlab.gate.BaselineGateRun;
import dev.indexlab.gate.BaselineMeta;
import dev.indexlab.gate.GateSettings;
import dev.indexlab.gate.GateThresholds;
import dev.indexlab.gate.InterleavedGate;
import dev.indexlab.gate.WorkloadSource;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code indexlab gate}: fails CI when a route got slower, lost an index or reads more. */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the routes and compares them with a stored baseline (--baseline FILE), or"
          + " measures two versions alternately in one run (--base REF --head REF). A route"
          + " regresses when a large table is now scanned sequentially, an index is no longer"
          + " used, a sort or hash spills to disk, its shared buffers per execution rose beyond"
          + " --buffers-threshold, or its median time rose beyond --threshold and --threshold-ms"
          + " with statistical significance (confirmed by a second measurement when its plans and"
          + " buffers did not change).",
      "Prints a one-line verdict; writes a markdown summary (--summary, and appended to"
          + " $GITHUB_STEP_SUMMARY when set) and a JUnit report (--junit).",
      "Exit status: 0 nothing regressed, 1 a regression or a failure of the gate itself, 2 usage or"
          + " configuration error."
    })
final class GateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;
  @Mixin WorkloadOptions workload;
  @Mixin SeedingOptions seeding;
  @Mixin GateMeasureOptions measure;
  @Mixin GateThresholdOptions limits;
  @Mixin GateOutputOptions outputs;

  @Option(names = "--baseline", paramLabel = "FILE", description = "Baseline from 'baseline save'.")
  Path baseline;

  @Option(
      names = "--base",
      paramLabel = "DIR|REF",
      description = "Interleaved A/B: the old side, a workload directory or a git ref.")
  String base;

  @Option(
      names = "--head",
      paramLabel = "DIR|REF",
      description = "Interleaved A/B: the new side, a workload directory or a git ref.")
  String head;

  @Option(
      names = "--rounds",
      paramLabel = "N",
      description = "JMH runs per route and side, alternating sides (A/B default: 3).")
  Integer rounds;

  @Option(
      names = "--no-normalize",
      description =
          "Against a baseline: compare raw times, without dividing by the machine factor.")
  boolean noNormalize;

  @Option(
      names = "--allow-mismatch",
      description = "Compare with a baseline of another workload, scale or seed anyway.")
  boolean allowMismatch;

  @Override
  public Integer call() {
    boolean ab = base != null || head != null;
    if (ab == (baseline != null) || ab && (base == null || head == null)) {
      throw IndexlabException.usage("give either --baseline FILE, or both --base and --head");
    }
    if (rounds != null) {
      OptionChecks.atLeast("--rounds", rounds, 1);
    }
    limits.check();
    outputs.check();
    measure.checkNumbers();
    GateThresholds thresholds = limits.thresholds().withNormalize(!noNormalize);
    try {
      return ab ? interleaved(thresholds) : againstBaseline(thresholds);
    } catch (RuntimeException e) {
      throw unexpected(e, "gate");
    }
  }

  /**
   * An unexpected failure as a job failure (exit 1) of one line; its stack trace stays the cause,
   * printed with --verbose. An {@link IndexlabException} keeps its own status, and a lost server is
   * left as it is, for Main to name.
   */
  static RuntimeException unexpected(RuntimeException e, String command) {
    if (e instanceof IndexlabException || Main.serverStopped(e).isPresent()) {
      return e;
    }
    String first = e.toString().lines().findFirst().orElse("");
    return IndexlabException.failed(command + " failed: " + first, e);
  }

  private int againstBaseline(GateThresholds thresholds) {
    PrintWriter err = QuietLog.of(spec.commandLine().getErr(), seeding.quiet);
    Baseline before = BaselineFile.read(baseline);
    BaselineMeta meta = before.meta();
    Workload w = workload.open();
    measure.routes.select(w); // an unknown id is a usage error before the server starts
    SeedOptions options = seedOptions(meta);
    boolean scaleGiven = spec.commandLine().getParseResult().hasMatchedOption("--scale");
    BaselineGateRun.Request request =
        new BaselineGateRun.Request(
            baseline,
            before,
            w,
            options,
            scaleGiven ? Double.valueOf(options.scale()) : meta.scale(),
            seeding.progress(),
            measure.routes(),
            allowMismatch,
            this::settings);
    BaselineGateRun.Result r =
        new BaselineGateRun(thresholds, err, FlagNames::flag).run(request, target::open);
    return outputs.write(r.outcome(), r.compared());
  }

  private int interleaved(GateThresholds thresholds) {
    PrintWriter err = QuietLog.of(spec.commandLine().getErr(), seeding.quiet);
    GateSettings settings = settings(GateSettings.interleavedDefaults());
    try (WorkloadSource a = WorkloadSource.resolve(base, workload.directory());
        WorkloadSource b = WorkloadSource.resolve(head, workload.directory());
        DatabaseTarget t = target.open()) {
      InterleavedGate.Result r =
          new InterleavedGate(settings, thresholds, err)
              .run(t, a, b, seeding.toOptions(), seeding.progress(), measure.routes());
      return outputs.write(r.outcome(), r.compared());
    }
  }

  /** The seeding options, taking scale and seed from the baseline unless given. */
  private SeedOptions seedOptions(BaselineMeta meta) {
    var parsed = spec.commandLine().getParseResult();
    double scale =
        parsed.hasMatchedOption("--scale") || meta.scale() == null
            ? seeding.data.scale
            : meta.scale();
    long seed = parsed.hasMatchedOption("--seed") ? seeding.data.seed : meta.seed();
    return new SeedOptions(scale, seed, seeding.force);
  }

  /** {@code defaults} with the measuring options that were given applied. */
  private GateSettings settings(GateSettings defaults) {
    GateSettings s = measure.apply(defaults);
    return rounds == null ? s : s.withRounds(rounds);
  }
}
