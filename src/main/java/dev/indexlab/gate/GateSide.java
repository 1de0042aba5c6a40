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
    SeedResult r = SeededDatabase.open(target, workload, options, seedProgress);
    progress.println("gate: " + r.note());
    progress.flush();
    return new GateSide(
        label,
        r.connection(),
        workload,
        workload.directory().toString(),
        r.info().map(SeedInfo::scale).orElse(r.reused() ? null : options.scale()),
        r.info().map(SeedInfo::seed).orElse(options.seed()));
  }
}
