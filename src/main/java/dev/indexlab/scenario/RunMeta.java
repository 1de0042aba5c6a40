package dev.indexlab.scenario;

import com.sun.management.OperatingSystemMXBean;
import dev.indexlab.IndexlabVersion;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.db.ServerVersion;
import dev.indexlab.results.RunResults;
import dev.indexlab.workload.Workload;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reproducibility header of a run: versions, the settings that matter, the machine. */
final class RunMeta {
  /** Server settings that change what a measurement means. */
  static final List<String> SETTINGS =
      List.of(
          "shared_buffers",
          "work_mem",
          "maintenance_work_mem",
          "effective_cache_size",
          "random_page_cost",
          "seq_page_cost",
          "max_parallel_workers_per_gather",
          "jit",
          "fsync",
          "synchronous_commit",
          "full_page_writes",
          "wal_level",
          "autovacuum",
          "track_io_timing");

  private RunMeta() {}

  static RunResults.Meta read(
      DatabaseTarget target,
      ConnectionSpec db,
      Workload workload,
      RunPipeline.Settings s,
      boolean copies)
      throws SQLException {
    String version;
    Map<String, String> settings = new LinkedHashMap<>();
    try (Connection c = db.open()) {
      version = ServerVersion.text(c);
      try (PreparedStatement ps =
          c.prepareStatement("SELECT name, setting, unit FROM pg_settings WHERE name = ANY (?)")) {
        ps.setArray(1, c.createArrayOf("text", SETTINGS.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          Map<String, String> found = new LinkedHashMap<>();
          while (rs.next()) {
            found.put(rs.getString(1), pretty(rs.getString(2), rs.getString(3)));
          }
          SETTINGS.forEach(k -> settings.put(k, found.get(k)));
        }
      }
    }
    long memory = 0;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
      memory = os.getTotalMemorySize();
    }
    return new RunResults.Meta(
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        IndexlabVersion.current(),
        version,
        settings,
        target.description(),
        workload.name(),
        s.seed().scale(),
        s.seed().seed(),
        s.bench().profile().name(),
        s.bench().commit(),
        s.bench().threads(),
        Runtime.getRuntime().availableProcessors(),
        memory,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        copies ? RunResults.Meta.COPIES : RunResults.Meta.IN_PLACE,
        new RunResults.Rule(
            s.rule().minGain(),
            s.rule().minGainMs(),
            s.rule().maxRegression(),
            s.rule().maxRegressionMs()));
  }

  /** {@code 131072} with unit {@code 8kB} → {@code 1GB}, as SHOW would print it. */
  static String pretty(String setting, String unit) {
    if (unit == null) {
      return setting;
    }
    long multiplier =
        switch (unit) {
          case "8kB" -> 8 * 1024L;
          case "kB" -> 1024L;
          case "MB" -> 1024L * 1024;
          default -> 0;
        };
    if (multiplier == 0) {
      return setting + " " + unit;
    }
    long bytes;
    try {
      bytes = Long.parseLong(setting) * multiplier;
    } catch (NumberFormatException e) {
      return setting + " " + unit;
    }
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    int u = 0;
    while (u < units.length - 1 && bytes % 1024 == 0 && bytes >= 1024) {
      bytes /= 1024;
      u++;
    }
    return bytes + units[u];
  }
}
