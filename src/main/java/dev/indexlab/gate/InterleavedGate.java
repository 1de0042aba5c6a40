package dev.indexlab.gate;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseAdmin;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.scenario.TemplateCopies;
import dev.indexlab.schema.SchemaMigrator;
import dev.indexlab.seed.Progress;
import dev.indexlab.seed.SeedInfo;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.seed.SeedResult;
import dev.indexlab.seed.SeededDatabase;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The interleaved A/B gate: base and head measured in one run on isolated copies of the same data,
 * alternately, so the machine's drift hits both alike instead of becoming a false alarm.
 *
 * <ol>
 *   <li>The data is seeded once into a template database; each side gets its own copy ({@link
 *       TemplateCopies}, {@code CREATE DATABASE ... TEMPLATE}). How a side whose schema differs
 *       gets it is {@link SideSchemas}'s decision: new migrations are applied by Flyway to that
 *       side's copy only; diverged schemas are seeded separately.
 *   <li>{@link GateRecorder} explains both sides, then runs JMH per route in rounds, alternating
 *       the sides' order (A B, B A, ...), pooling each side's samples.
 *   <li>{@link RegressionGate} compares head with base, without the machine-factor correction: it
 *       is not needed when both sides share the drift.
 *   <li>A route slower on time alone (its plans and buffers unchanged) is measured again, both
 *       sides, the same rounds; it fails only when the second measurement calls it slower too. A
 *       plan or buffers regression fails at once.
 * </ol>
 *
 * The copies are dropped at the end.
 */
public final class InterleavedGate {
  private final GateSettings settings;
  private final GateThresholds thresholds;
  private final PrintWriter progress;

  /** The outcome and a sentence saying what was compared. */
  public record Result(GateOutcome outcome, String compared) {}

  public InterleavedGate(GateSettings settings, GateThresholds thresholds, PrintWriter progress) {
    this.settings = settings;
    this.thresholds = thresholds.withNormalize(false);
    this.progress = progress;
  }

  /** Runs the gate for {@code routes} (all when empty) on {@code target}. */
  public Result run(
      DatabaseTarget target,
      WorkloadSource base,
      WorkloadSource head,
      SeedOptions options,
      Progress seedProgress,
      List<String> routes) {
    Workload a = base.workload();
    Workload b = head.workload();
    if (!a.name().equals(b.name())) {
      throw IndexlabException.usage(
          Setting.BASE
              + " is workload "
              + a.name()
              + ", "
              + Setting.HEAD
              + " is "
              + b.name()
              + "; compare like with like");
    }
    SideSchemas.Relation relation = SideSchemas.compare(a, b);
    List<TemplateCopies> copies = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    try {
      Workload first = relation == SideSchemas.Relation.BASE_EXTENDS ? b : a;
      SeedResult seeded = SeededDatabase.open(target, first, options, seedProgress);
      progress.println("gate: " + seeded.note());
      TemplateCopies one = new TemplateCopies(seeded.connection());
      copies.add(one);
      ConnectionSpec baseDb = one.copy("gate_base");
      ConnectionSpec headDb;
      switch (relation) {
        case SAME -> headDb = one.copy("gate_head");
        case HEAD_EXTENDS -> {
          headDb = one.copy("gate_head");
          int n = migrate(headDb, b);
          notes.add("head's copy of the data got its " + n + " new migration(s)");
        }
        case BASE_EXTENDS -> {
          headDb = one.copy("gate_head");
          int n = migrate(baseDb, a);
          notes.add("base's copy of the data got its " + n + " extra migration(s)");
        }
        default -> {
          if (!target.ownsServer()) {
            throw IndexlabException.usage(
                "base and head schemas diverge (a migration both have was edited); on a server"
                    + " given by JDBC URL the gate cannot seed each side; use "
                    + Setting.DB
                    + " embedded");
          }
          dropTemplate(seeded.connection());
          SeedResult again = SeededDatabase.open(target, b, options, seedProgress);
          TemplateCopies two = new TemplateCopies(again.connection());
          copies.add(two);
          headDb = two.copy("gate_head");
          notes.add(
              "base and head schemas diverge (an applied migration was edited): each side was"
                  + " seeded on its own, with the same generator and seed");
        }
      }
      Double scale = seeded.info().map(SeedInfo::scale).orElse(null);
      long seed = seeded.info().map(SeedInfo::seed).orElse(options.seed());
      List<GateSide> sides =
          List.of(
              new GateSide("base", baseDb, a, base.description(), scale, seed),
              new GateSide("head", headDb, b, head.description(), scale, seed));
      GateOutcome outcome =
          measureAndJudge(
              new GateRecorder(settings, progress),
              new RegressionGate(thresholds),
              sides,
              routes,
              measured -> notes);
      return new Result(outcome, compared(base, head, scale, seed));
    } finally {
      copies.forEach(TemplateCopies::dropAll);
    }
  }

  /**
   * Two sides measured in one run and judged head against base: both explained, JMH in alternating
   * rounds, compared without the machine factor; a route slower on time alone (its plans and
   * buffers unchanged) is measured again on both sides and fails only when the second measurement
   * calls it slower too. The A/B gate and {@link UpgradeCheck} both judge this way.
   *
   * @param notes the outcome's notes, from what was measured (base first)
   */
  static GateOutcome measureAndJudge(
      GateRecorder recorder,
      RegressionGate gate,
      List<GateSide> sides,
      List<String> routes,
      Function<List<Baseline>, List<String>> notes) {
    List<Baseline> measured = recorder.record(sides, routes);
    List<String> notesOf = notes.apply(measured);
    GateOutcome outcome = gate.compare(measured.get(0), measured.get(1), notesOf);
    List<String> suspects = outcome.timeOnlyRegressions();
    if (suspects.isEmpty()) {
      return outcome;
    }
    Remeasurement again = recorder.remeasure(sides, suspects);
    return gate.compare(measured.get(0), measured.get(1), notesOf, again);
  }

  private String compared(WorkloadSource base, WorkloadSource head, Double scale, long seed) {
    return String.format(
        Locale.ROOT,
        "Interleaved A/B run: base = %s, head = %s; %s at scale %s, seed %d; %d round(s) of JMH"
            + " per route and side, alternating, profile %s.",
        base.description(),
        head.description(),
        base.workload().name(),
        MetaCheck.scale(scale),
        seed,
        settings.rounds(),
        MetaCheck.describe(settings.metaProfile()));
  }

  private static int migrate(ConnectionSpec db, Workload w) {
    return SchemaMigrator.migrate(
        db,
        w.migrations().orElseThrow(() -> IndexlabException.usage(w.directory() + ": no schema/")),
        SeededDatabase.HISTORY_TABLE);
  }

  private static void dropTemplate(ConnectionSpec template) {
    try {
      new DatabaseAdmin(template).dropIfExists(template.database());
    } catch (SQLException e) {
      throw IndexlabException.failed(
          "cannot drop " + template.database() + " to seed head's schema: " + e.getMessage(), e);
    }
  }
}
