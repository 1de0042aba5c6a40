package dev.indexlab.cli;

import dev.indexlab.db.EmbeddedTarget;
import dev.indexlab.db.PgVersion;
import dev.indexlab.seed.Pgbench;
import dev.indexlab.seed.SeedBenchmark;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.seed.SeedPlan;
import dev.indexlab.seed.SeededDatabase;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code indexlab seed-benchmark}: seeding speed against {@code pgbench -i} on one server. */
@Command(
    name = "seed-benchmark",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark (not a test): starts one embedded PostgreSQL and alternates `indexlab seed`"
          + " (empty tables to ANALYZE done) with `pgbench -i -s N`, each into a fresh database,"
          + " then prints every run's wall time, the medians, their ratio and the seed's peak"
          + " heap."
    })
final class SeedBenchmarkCommand implements Callable<Integer> {
  @Mixin WorkloadOptions workload;

  @Option(
      names = "--runs",
      defaultValue = "5",
      paramLabel = "N",
      description = "Pairs of runs (default: ${DEFAULT-VALUE}).")
  int runs;

  @Mixin ScaleSeedOptions data;

  @Option(
      names = "--pgbench-scale",
      defaultValue = "13",
      paramLabel = "N",
      description = "pgbench -i scale; 13 is about 1.3 million rows (default: ${DEFAULT-VALUE}).")
  int pgbenchScale;

  @Option(
      names = "--pgbench",
      defaultValue = Pgbench.DEFAULT_PATH,
      paramLabel = "PATH",
      description = "The pgbench program (default: ${DEFAULT-VALUE}).")
  Path pgbenchPath;

  @Option(
      names = "--pg-version",
      paramLabel = "N",
      description =
          "PostgreSQL major version of the embedded server: 14, 15, 16, 17 or 18 (default:"
              + " ${dev.indexlab.pg.default}).")
  String pgVersion;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (runs < 1 || pgbenchScale < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--runs and --pgbench-scale must be at least 1");
    }
    PgVersion version =
        pgVersion == null ? PgVersion.DEFAULT : PgVersion.parse("--pg-version", pgVersion);
    PrintWriter out = spec.commandLine().getOut();
    Workload w = workload.open();
    SeedOptions options = new SeedOptions(data.scale, data.seed, false);
    SeededDatabase.expectedRows(w, options);
    Pgbench pgbench = new Pgbench(pgbenchPath);
    try (EmbeddedTarget target = EmbeddedTarget.start(version)) {
      SeedBenchmark bench = new SeedBenchmark(target, w, pgbench);
      out.printf(
          Locale.ROOT,
          "server: PostgreSQL %s (embedded); %s; %d CPUs; max heap %d MB%n",
          bench.serverVersion(),
          pgbench.version(),
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20);
      out.flush();
      SeedBenchmark.Result result = bench.run(options, pgbenchScale, runs, out);
      out.printf(
          Locale.ROOT,
          "median: indexlab seed --scale %s %.0f ms, pgbench -i -s %d %.0f ms, ratio %.2f"
              + " (seed / pgbench; target <= 1.5)%n",
          SeedPlan.show(data.scale),
          result.medianSeedMs(),
          pgbenchScale,
          result.medianPgbenchMs(),
          result.ratio());
      out.printf(
          Locale.ROOT,
          "seed peak heap: %d MB (sum of heap pools' peaks, max over runs)%n",
          result.maxPeakHeapBytes() >> 20);
      out.flush();
    }
    return 0;
  }
}
