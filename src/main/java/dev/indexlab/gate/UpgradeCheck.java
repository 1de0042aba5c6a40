package dev.indexlab.gate;

import dev.indexlab.db.EmbeddedTarget;
import dev.indexlab.db.PgVersion;
import dev.indexlab.db.ServerVersion;
import dev.indexlab.seed.Progress;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * "Will upgrading the server slow any of my routes?": the same workload, seed and parameter sets on
 * two embedded servers of different major versions, measured as the interleaved A/B gate measures
 * (plans first, then JMH rounds alternating the sides), and judged by the gate's rules ({@link
 * RegressionGate}, no machine factor: both sides share the machine's drift).
 *
 * <ol>
 *   <li>Both servers are started with the same settings; each is seeded from the same generator and
 *       seed, so the rows are the same (the servers' storage may differ: page layout and statistics
 *       are each version's own).
 *   <li>{@link GateRecorder} explains every route on both and times it in rounds: 17 18, 18 17, ...
 *       A route slower on time alone is measured again on both servers before it fails, as in the
 *       A/B gate ({@link InterleavedGate#measureAndJudge}).
 *   <li>Besides the gate's verdicts, every statement whose plan shape changed is listed ({@link
 *       PlanShapeChanges}), regression or not.
 * </ol>
 *
 * Both servers are stopped and their folders deleted at the end, also on failure.
 */
public final class UpgradeCheck {
  private final GateSettings settings;
  private final GateThresholds thresholds;
  private final PrintWriter progress;

  /** The gate's outcome (the plan shape changes among its notes) and what was compared. */
  public record Result(GateOutcome outcome, String compared) {}

  public UpgradeCheck(GateSettings settings, GateThresholds thresholds, PrintWriter progress) {
    this.settings = settings;
    this.thresholds = thresholds.withNormalize(false);
    this.progress = progress;
  }

  /**
   * Compares {@code routes} (all when empty) of {@code workload} on {@code from} and {@code to}.
   */
  public Result run(
      PgVersion from,
      PgVersion to,
      Workload workload,
      SeedOptions options,
      Progress seedProgress,
      List<String> routes) {
    try (EmbeddedTarget a = EmbeddedTarget.start(from);
        EmbeddedTarget b = EmbeddedTarget.start(to)) {
      GateSide base = side(from, a, workload, options, seedProgress);
      GateSide head = side(to, b, workload, options, seedProgress);
      GateOutcome outcome =
          InterleavedGate.measureAndJudge(
              new GateRecorder(settings, progress),
              new RegressionGate(thresholds),
              List.of(base, head),
              routes,
              measured ->
                  PlanShapeChanges.between(measured.get(0), measured.get(1)).stream()
                      .map(PlanShapeChanges.Change::summary)
                      .toList());
      return new Result(outcome, compared(base, head, workload));
    }
  }

  private GateSide side(
      PgVersion version,
      EmbeddedTarget target,
      Workload workload,
      SeedOptions options,
      Progress seedProgress) {
    progress.println("upgrade-check: seeding " + target.description());
    progress.flush();
    GateSide s =
        GateSide.seeded("PostgreSQL " + version, target, workload, options, seedProgress, progress);
    return new GateSide(
        s.label(), s.db(), s.workload(), ServerVersion.of(s.db()), s.scale(), s.seed());
  }

  private String compared(GateSide base, GateSide head, Workload workload) {
    return String.format(
        Locale.ROOT,
        "Upgrade check: %s (before) against %s (after), both embedded with the same settings;"
            + " %s at scale %s, seed %d, the same parameter sets on both; %d round(s) of JMH per"
            + " route and server, alternating, profile %s.",
        base.source(),
        head.source(),
        workload.name(),
        MetaCheck.scale(base.scale()),
        base.seed(),
        settings.rounds(),
        MetaCheck.describe(settings.metaProfile()));
  }
}
