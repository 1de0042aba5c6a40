package dev.indexlab.gate;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.seed.Progress;
import dev.indexlab.seed.SeedInfo;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.seed.SeedResult;
import dev.indexlab.seed.SeededDatabase;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * One state of the application the gate measures: a database holding the data, and the workload
 * (routes and schema) to run on it.
 *
 * @param label a short name for progress lines and notes: {@code current}, {@code base}, {@code
 *     head}
 * @param db the seeded database, with the side's schema
 * @param workload the side's workload directory
 * @param source where the workload came from: its directory, or a git ref
 * @param scale the data scale, or null when indexlab did not seed the data
 * @param seed the data seed; also the seed of the parameter draws
 */
public record GateSide(
    String label, ConnectionSpec db, Workload workload, String source, Double scale, long seed) {

  /**
   * The side on {@code target}'s seeded database ({@link SeededDatabase#open}: seeded now on a
   * server indexlab owns, reused on a user's server). Scale and seed are what the database's seed
   * record says, when indexlab seeded it.
   */
  public static GateSide seeded(
      String label,
      DatabaseTarget target,
      Workload workload,
      SeedOptions options,
      Progress seedProgress,
      PrintWriter progress) {
    long start = System.nanoTime();
    SeedResult r = SeededDatabase.open(target, workload, options, seedProgress);
    progress.println(
        String.format(
            Locale.ROOT, "gate: %s (%.1f s)", r.note(), (System.nanoTime() - start) / 1e9));
    progress.flush();
    return new GateSide(
        label,
        r.connection(),
        workload,
        workload.directory().toString(),
        r.info().map(SeedInfo::scale).orElse(r.reused() ? null : options.scale()),
        r.info().map(SeedInfo::seed).orElse(options.seed()));
  }

  /**
   * Says on {@code progress} that the database server is up, {@code since} ({@link
   * System#nanoTime()}) the command asked for it: one of the phases a gate's time goes to.
   */
  public static void ready(PrintWriter progress, long since) {
    progress.println(
        String.format(
            Locale.ROOT, "gate: server ready in %.1f s", (System.nanoTime() - since) / 1e9));
    progress.flush();
  }
}
