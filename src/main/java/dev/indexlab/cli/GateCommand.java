package dev.indexlab.cli;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.gate.Baseline;
import dev.indexlab.gate.BaselineFile;
import dev.indexlab.gate.BaselineGate;
import dev.indexlab.gate.BaselineMeta;
import dev.indexlab.gate.GateOutcome;
import dev.indexlab.gate.GateOutputs;
import dev.indexlab.gate.GateSettings;
import dev.indexlab.gate.GateSide;
import dev.indexlab.gate.GateThresholds;
import dev.indexlab.gate.InterleavedGate;
import dev.indexlab.gate.MetaCheck;
import dev.indexlab.gate.WorkloadSource;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
      "Exit status: 0 nothing regressed, 1 a regression, 2 usage or infrastructure error."
    })
final class GateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;
  @Mixin WorkloadOptions workload;
  @Mixin SeedingOptions seeding;
  @Mixin GateMeasureOptions measure;
  @Mixin GateThresholdOptions limits;

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

  @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report.")
  Path junit;

  @Option(names = "--summary", paramLabel = "FILE", description = "Write the markdown summary.")
  Path summary;

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
    if (junit != null) {
      OptionChecks.writableFile("--junit", junit);
    }
    if (summary != null) {
      OptionChecks.writableFile("--summary", summary);
    }
    measure.checkNumbers();
    GateThresholds thresholds = limits.thresholds().withNormalize(!noNormalize);
    try {
      return ab ? interleaved(thresholds) : againstBaseline(thresholds);
    } catch (IndexlabException e) {
      throw e.status() == IndexlabException.USAGE
          ? e
          : new IndexlabException(IndexlabException.USAGE, e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IndexlabException(IndexlabException.USAGE, "gate failed: " + e, e);
    }
  }

  private int againstBaseline(GateThresholds thresholds) {
    PrintWriter err = QuietLog.of(spec.commandLine().getErr(), seeding.quiet);
    Baseline before = BaselineFile.read(baseline);
    BaselineMeta meta = before.meta();
    Workload w = workload.open();
    measure.checkRoutes(w);
    SeedOptions options = seedOptions(meta);
    List<String> notes = new ArrayList<>();
    boolean scaleGiven = spec.commandLine().getParseResult().hasMatchedOption("--scale");
    check(
        MetaCheck.mismatches(
            meta,
            w.name(),
            scaleGiven ? Double.valueOf(options.scale()) : meta.scale(),
            options.seed()),
        notes);
    GateSettings settings = measure.apply(fromBaseline(meta));
    if (rounds != null) {
      settings = settings.withRounds(rounds);
    }
    Baseline compared = before;
    if (!measure.routes().isEmpty()) {
      compared =
          new Baseline(
              before.format(),
              meta,
              before.routes().stream().filter(r -> measure.routes().contains(r.id())).toList());
    }
    GateOutcome outcome;
    long opening = System.nanoTime();
    try (DatabaseTarget t = target.open()) {
      GateSide.ready(err, opening);
      GateSide side = GateSide.seeded("current", t, w, options, seeding.progress(), err);
      if (notes.isEmpty()) {
        check(MetaCheck.mismatches(meta, w.name(), side.scale(), side.seed()), notes);
      }
      outcome =
          new BaselineGate(settings, thresholds, err).run(side, compared, measure.routes(), notes);
    }
    String sentence =
        "Baseline `"
            + baseline
            + "` ("
            + meta.workload()
            + ", scale "
            + MetaCheck.scale(meta.scale())
            + ", seed "
            + meta.seed()
            + ", PostgreSQL "
            + meta.postgresVersion()
            + ", saved "
            + meta.date()
            + ") against the workload in `"
            + w.directory()
            + "`, profile "
            + MetaCheck.describe(settings.metaProfile())
            + ".";
    return output(outcome, sentence);
  }

  private int interleaved(GateThresholds thresholds) {
    PrintWriter err = QuietLog.of(spec.commandLine().getErr(), seeding.quiet);
    GateSettings settings = measure.apply(GateSettings.interleavedDefaults());
    if (rounds != null) {
      settings = settings.withRounds(rounds);
    }
    try (WorkloadSource a = WorkloadSource.resolve(base, workload.directory());
        WorkloadSource b = WorkloadSource.resolve(head, workload.directory());
        DatabaseTarget t = target.open()) {
      InterleavedGate.Result r =
          new InterleavedGate(settings, thresholds, err)
              .run(t, a, b, seeding.toOptions(), seeding.progress(), measure.routes());
      return output(r.outcome(), r.compared());
    }
  }

  private int output(GateOutcome outcome, String compared) {
    GateOutputs.write(
        outcome, compared, junit, summary, System.getenv(), spec.commandLine().getOut());
    return outcome.exitCode();
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

  /** The baseline's way of measuring, as the defaults of this run. */
  private static GateSettings fromBaseline(BaselineMeta meta) {
    GateSettings s = GateSettings.baselineDefaults();
    try {
      s = s.withProfile(GateSettings.profile(meta.profile().name()));
    } catch (RuntimeException e) {
      // a custom profile: the default one
    }
    return s.withExplainDraws(Math.max(1, meta.explainDraws()))
        .withParameterSets(Math.max(meta.explainDraws(), meta.parameterSets()))
        .withRounds(Math.max(1, meta.rounds()));
  }

  private void check(List<String> mismatches, List<String> notes) {
    if (mismatches.isEmpty()) {
      return;
    }
    if (!allowMismatch) {
      throw IndexlabException.usage(
          "baseline "
              + baseline
              + " was measured on other data ("
              + String.join("; ", mismatches)
              + "); pass --allow-mismatch to compare anyway");
    }
    notes.add("compared despite a mismatch (--allow-mismatch): " + String.join("; ", mismatches));
  }
}
