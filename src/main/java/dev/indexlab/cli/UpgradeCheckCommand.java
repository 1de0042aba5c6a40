package dev.indexlab.cli;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.PgVersion;
import dev.indexlab.gate.GateSettings;
import dev.indexlab.gate.GateThresholds;
import dev.indexlab.gate.UpgradeCheck;
import dev.indexlab.workload.Workload;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code indexlab upgrade-check}: will upgrading the server slow any route? */
@Command(
    name = "upgrade-check",
    mixinStandardHelpOptions = true,
    description = {
      "Will upgrading PostgreSQL slow any of my routes? Seeds the same data into two embedded"
          + " servers (--from and --to), explains every route on both with the same parameter"
          + " sets, then times them in alternating JMH rounds, as the gate's A/B does. Reports"
          + " per route the plan shape changes, the shared buffers and the time, judged by the"
          + " gate's rules (see docs/gate.md).",
      "Prints a one-line verdict; writes a markdown summary (--summary, and appended to"
          + " $GITHUB_STEP_SUMMARY when set) and a JUnit report (--junit).",
      "Exit status: 0 no route is worse on --to, 1 a route regressed or the check itself"
          + " failed, 2 usage or configuration error."
    })
final class UpgradeCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkloadOptions workload;
  @Mixin SeedingOptions seeding;
  @Mixin GateMeasureOptions measure;
  @Mixin GateThresholdOptions limits;
  @Mixin GateOutputOptions outputs;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "N",
      description = "The version running now: 14, 15, 16, 17 or 18.")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "N",
      description = "The version to upgrade to: 14, 15, 16, 17 or 18.")
  String to;

  @Option(
      names = "--rounds",
      paramLabel = "N",
      description = "JMH runs per route and server, alternating the servers (default: 3).")
  Integer rounds;

  @Option(names = "--verbose", description = "Print stack traces and debug details.")
  boolean verbose;

  @Override
  public Integer call() {
    PgVersion before = PgVersion.parse("--from", from);
    PgVersion after = PgVersion.parse("--to", to);
    if (before == after) {
      throw IndexlabException.usage(
          "--from and --to are both " + before + "; name two versions to compare");
    }
    if (rounds != null) {
      OptionChecks.atLeast("--rounds", rounds, 1);
    }
    limits.check();
    outputs.check();
    measure.checkNumbers();
    Workload w = workload.open();
    measure.routes.select(w); // an unknown id is a usage error before the servers start
    GateThresholds thresholds = limits.thresholds();
    GateSettings settings = measure.apply(GateSettings.interleavedDefaults());
    if (rounds != null) {
      settings = settings.withRounds(rounds);
    }
    UpgradeCheck.Result r;
    try {
      r =
          new UpgradeCheck(settings, thresholds, spec.commandLine().getErr())
              .run(before, after, w, seeding.toOptions(), seeding.progress(), measure.routes());
    } catch (RuntimeException e) {
      throw GateCommand.unexpected(e, "upgrade-check");
    }
    return outputs.write(r.outcome(), r.compared());
  }
}
