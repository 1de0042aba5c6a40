package dev.indexlab.seed;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseAdmin;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.db.ServerVersion;
import dev.indexlab.schema.SchemaLoader;
import dev.indexlab.stats.SampleSummary;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seeding speed against {@code pgbench -i}, side by side on one server. Each run loads the seed
 * into a fresh, migrated database (timed from empty tables to ANALYZE done, like {@code seed}'s
 * "load time") and runs {@code pgbench -i -s N} into another fresh database (timed as the whole
 * process); which goes first alternates from run to run so that neither always meets a warmer
 * server. Both databases are dropped after each run. Run 1 includes the JVM's warm-up, as a user's
 * single {@code indexlab seed} does.
 */
public final class SeedBenchmark {
  /** One run's wall times and the seed's peak heap. */
  public record Run(int index, long seedNanos, long pgbenchNanos, long seedPeakHeapBytes) {}

  /** All runs and their medians. */
  public record Result(List<Run> runs, double medianSeedMs, double medianPgbenchMs) {
    /** Seed time over pgbench time (below 1: the seed is faster). */
    public double ratio() {
      return medianSeedMs / medianPgbenchMs;
    }

    public long maxPeakHeapBytes() {
      return runs.stream().mapToLong(Run::seedPeakHeapBytes).max().orElse(0);
    }
  }

  private final DatabaseTarget target;
  private final Workload workload;
  private final Pgbench pgbench;

  public SeedBenchmark(DatabaseTarget target, Workload workload, Pgbench pgbench) {
    if (!target.ownsServer()) {
      throw IndexlabException.usage("the seed benchmark needs a server indexlab owns (embedded)");
    }
    this.target = target;
    this.workload = workload;
    this.pgbench = pgbench;
  }

  /** Runs {@code runs} alternating pairs, printing a line per measurement to {@code log}. */
  public Result run(SeedOptions options, int pgbenchScale, int runs, PrintWriter log) {
    DataLoader loader = DataLoaders.forWorkload(workload);
    loader.expectedRows(options);
    DatabaseAdmin admin = new DatabaseAdmin(target.connection());
    List<Run> results = new ArrayList<>();
    try {
      for (int i = 1; i <= runs; i++) {
        long seed = 0;
        long bench = 0;
        long heap = 0;
        for (int half = 0; half < 2; half++) {
          boolean seedTurn = (half == 0) == (i % 2 == 1);
          if (seedTurn) {
            long[] measured = seedOnce(admin, loader, options, i);
            seed = measured[0];
            heap = measured[1];
            log.printf(
                Locale.ROOT,
                "run %d: indexlab seed " + Setting.SCALE + " %s: %8.0f ms (peak heap %d MB)%n",
                i,
                SeedOptions.show(options.scale()),
                seed / 1e6,
                heap >> 20);
          } else {
            bench = pgbenchOnce(admin, pgbenchScale, i);
            log.printf(
                Locale.ROOT,
                "run %d: pgbench -i -s %d:%s %8.0f ms%n",
                i,
                pgbenchScale,
                " ".repeat(Math.max(0, SeedOptions.show(options.scale()).length() - 1)),
                bench / 1e6);
          }
          log.flush();
        }
        results.add(new Run(i, seed, bench, heap));
      }
    } catch (SQLException e) {
      throw IndexlabException.failed("seed benchmark failed: " + e.getMessage(), e);
    }
    return new Result(
        results,
        SampleSummary.median(results.stream().mapToDouble(Run::seedNanos).toArray()) / 1e6,
        SampleSummary.median(results.stream().mapToDouble(Run::pgbenchNanos).toArray()) / 1e6);
  }

  /** The server's version string. */
  public String serverVersion() {
    try (Connection c = target.connection().open()) {
      return ServerVersion.text(c);
    } catch (SQLException e) {
      throw IndexlabException.failed("cannot read the server version: " + e.getMessage(), e);
    }
  }

  private long[] seedOnce(DatabaseAdmin admin, DataLoader loader, SeedOptions options, int i)
      throws SQLException {
    String name = "bench_seed_" + i;
    admin.dropIfExists(name);
    admin.create(name);
    try {
      ConnectionSpec db = target.connection().withDatabase(name);
      SchemaLoader.load(db, workload);
      System.gc();
      List<MemoryPoolMXBean> heap = heapPools();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long start = System.nanoTime();
      loader.load(db, options, Progress.quiet());
      long nanos = System.nanoTime() - start;
      long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      return new long[] {nanos, peak};
    } finally {
      admin.dropIfExists(name);
    }
  }

  private long pgbenchOnce(DatabaseAdmin admin, int scale, int i) throws SQLException {
    String name = "bench_pgbench_" + i;
    admin.dropIfExists(name);
    admin.create(name);
    try {
      return pgbench.initialize(target.connection().withDatabase(name), scale);
    } finally {
      admin.dropIfExists(name);
    }
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
        .toList();
  }
}
