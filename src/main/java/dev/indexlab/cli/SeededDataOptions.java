package dev.indexlab.cli;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * The options of commands that need a seeded database ({@code bench}, {@code serve}): {@code
 * --scale}, {@code --seed}, {@code --force}, and the step that gets the database.
 */
public final class SeededDataOptions {
  @Option(
      names = "--scale",
      defaultValue = "1",
      paramLabel = "S",
      description = "Data scale when indexlab seeds (1 = the write-up's 1,292,269 rows).")
  double scale;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "N",
      description =
          "Random seed of the data and of the parameter pools. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--force",
      description = "Allow seeding a database reached by JDBC URL (replaces its workload tables).")
  boolean force;

  /** A database ready to measure and the scale it was seeded at (null when unknown). */
  public record Prepared(ConnectionSpec spec, Double scale) {}

  /** The seeded database on {@code target}: seeded now on a server indexlab owns. */
  public Prepared prepare(DatabaseTarget target, Workload workload, PrintWriter err) {
    if (target.ownsServer()) {
      throw IndexlabException.usage(
          "seeding a server indexlab starts is not available in this build; use --db jdbc:...");
    }
    return new Prepared(target.connection(), null);
  }

  public long seed() {
    return seed;
  }

  public double scale() {
    return scale;
  }
}
