package dev.indexlab.gate;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.seed.Progress;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The gate against a baseline file, from the baseline's metadata to the outcome: what {@link
 * InterleavedGate} is for the A/B mode.
 *
 * <ol>
 *   <li>The baseline must have been measured on the same data (workload, scale, seed), checked once
 *       before the server starts and once more on what the seeded database says; a difference is a
 *       usage error unless mismatches are allowed, then a note.
 *   <li>The baseline's way of measuring (profile, EXPLAIN draws, parameter sets, rounds) is this
 *       run's default; the request's overrides apply on top.
 *   <li>The server is opened and the current side seeded; {@link GateRecorder} explains and times
 *       every route on it, and {@link RegressionGate} compares: a plan or buffers regression fails
 *       at once.
 *   <li>Each route slower on time alone (plans and buffers unchanged) is measured a second time,
 *       alternating with the unchanged route nearest to it in speed ({@link
 *       GateOutcome#referenceFor}); the reference's ratio to its baseline is the machine factor of
 *       that moment. The route fails only when the second measurement calls it slower too.
 *   <li>The server is closed at the end, whatever happens.
 * </ol>
 */
public final class BaselineGateRun {
  private final GateThresholds thresholds;
  private final PrintWriter progress;
  private final Function<Setting, String> flags;

  /**
   * What to compare, as the command line gave it.
   *
   * @param file where the baseline was read from, for messages
   * @param baseline the baseline read from {@code file}
   * @param workload the current workload
   * @param seeding the data to seed (scale and seed default to the baseline's)
   * @param scale the scale checked against the baseline's before the server starts: the one given,
   *     or the baseline's own (may be null)
   * @param seedProgress where seeding reports its progress
   * @param routes the routes to gate, every route of the baseline when empty
   * @param allowMismatch compare a baseline of other data anyway, with a note
   * @param overrides the settings given, applied to the baseline's
   */
  public record Request(
      Path file,
      Baseline baseline,
      Workload workload,
      SeedOptions seeding,
      Double scale,
      Progress seedProgress,
      List<String> routes,
      boolean allowMismatch,
      UnaryOperator<GateSettings> overrides) {}

  /** The outcome and a sentence saying what was compared. */
  public record Result(GateOutcome outcome, String compared) {}

  /**
   * @param flags the command line's flag for each setting: a note names one, and notes go into the
   *     gate's summary and JUnit files, where no {@code cli} writer renders a mark
   */
  public BaselineGateRun(
      GateThresholds thresholds, PrintWriter progress, Function<Setting, String> flags) {
    this.thresholds = thresholds;
    this.progress = progress;
    this.flags = flags;
  }

  /** Runs the gate; {@code server} is opened only once the baseline was found comparable. */
  public Result run(Request r, Supplier<DatabaseTarget> server) {
    BaselineMeta meta = r.baseline().meta();
    Workload w = r.workload();
    List<String> notes = new ArrayList<>();
    check(r, MetaCheck.mismatches(meta, w.name(), r.scale(), r.seeding().seed()), notes);
    GateSettings settings = r.overrides().apply(fromBaseline(meta));
    GateOutcome outcome;
    long opening = System.nanoTime();
    try (DatabaseTarget t = server.get()) {
      GateSide.ready(progress, opening);
      GateSide side = GateSide.seeded("current", t, w, r.seeding(), r.seedProgress(), progress);
      if (notes.isEmpty()) {
        check(r, MetaCheck.mismatches(meta, w.name(), side.scale(), side.seed()), notes);
      }
      outcome =
          measureAndJudge(settings, side, selected(r.baseline(), r.routes()), r.routes(), notes);
    }
    return new Result(outcome, compared(r, settings));
  }

  /** Measures {@code side}, judges it against {@code baseline}, and measures suspects again. */
  private GateOutcome measureAndJudge(
      GateSettings settings,
      GateSide side,
      Baseline baseline,
      List<String> routes,
      List<String> notes) {
    GateRecorder recorder = new GateRecorder(settings, progress);
    RegressionGate gate = new RegressionGate(thresholds);
    Baseline now = recorder.record(List.of(side), routes).get(0);
    long start = System.nanoTime();
    GateOutcome outcome = gate.compare(baseline, now, notes);
    say("gate: compared in %.1f s", start);
    List<String> suspects = outcome.timeOnlyRegressions();
    if (suspects.isEmpty()) {
      return outcome;
    }
    Map<String, String> references = new LinkedHashMap<>();
    for (String id : suspects) {
      references.put(id, outcome.referenceFor(id).orElse(null));
    }
    start = System.nanoTime();
    Remeasurement again = recorder.remeasure(side, references);
    say("gate: measured " + suspects.size() + " route(s) again in %.1f s", start);
    start = System.nanoTime();
    GateOutcome judged = gate.compare(baseline, now, notes, again);
    say("gate: compared again in %.1f s", start);
    return judged;
  }

  private void say(String format, long since) {
    progress.println(String.format(Locale.ROOT, format, (System.nanoTime() - since) / 1e9));
    progress.flush();
  }

  /** The baseline's routes among {@code routes} (all when empty). */
  private static Baseline selected(Baseline b, List<String> routes) {
    if (routes.isEmpty()) {
      return b;
    }
    return new Baseline(
        b.format(), b.meta(), b.routes().stream().filter(x -> routes.contains(x.id())).toList());
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

  private void check(Request r, List<String> mismatches, List<String> notes) {
    if (mismatches.isEmpty()) {
      return;
    }
    if (!r.allowMismatch()) {
      throw IndexlabException.usage(
          "baseline "
              + r.file()
              + " was measured on other data ("
              + String.join("; ", mismatches)
              + "); pass "
              + Setting.ALLOW_MISMATCH
              + " to compare anyway");
    }
    notes.add(
        "compared despite a mismatch ("
            + flags.apply(Setting.ALLOW_MISMATCH)
            + "): "
            + String.join("; ", mismatches));
  }

  private static String compared(Request r, GateSettings settings) {
    BaselineMeta meta = r.baseline().meta();
    return "Baseline `"
        + r.file()
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
        + r.workload().directory()
        + "`, profile "
        + MetaCheck.describe(settings.metaProfile())
        + ".";
  }
}
