package dev.indexlab.cli;

import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.seed.Progress;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.seed.SeedResult;
import dev.indexlab.seed.SeededDatabase;
import dev.indexlab.workload.Workload;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that say what data to seed: {@code --scale}, {@code --seed}, {@code --force}. */
final class SeedingOptions {
  @Mixin ScaleSeedOptions data;

  @Option(
      names = "--force",
      description =
          "Replace rows that the workload's tables already hold; needed for any write to a"
              + " server given by a JDBC URL.")
  boolean force;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress display.")
  boolean quiet;

  /** The options as the seed step takes them. */
  public SeedOptions toOptions() {
    return new SeedOptions(data.scale, data.seed, force);
  }

  /** Progress on standard error (a live line on a terminal, log lines otherwise), or none. */
  public Progress progress() {
    return quiet ? Progress.quiet() : Progress.forStderr();
  }

  /** Reuses or seeds {@code w}'s data on {@code t} as these options say, showing the progress. */
  SeedResult open(DatabaseTarget t, Workload w) {
    return SeededDatabase.open(t, w, toOptions(), progress());
  }
}
