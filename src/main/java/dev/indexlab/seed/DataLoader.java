package dev.indexlab.seed;

import dev.indexlab.db.ConnectionSpec;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Fills a workload's tables with data. The bundled SongStackify workload's loader generates rows
 * from a seed; other workloads can plug in loaders that read CSV files or SQL dumps. {@link
 * SeededDatabase} decides whether loading may happen at all (an empty database, or {@code --force})
 * and migrates the schema first; a loader only loads.
 *
 * <p>Contract: {@link #load} replaces every row of {@link #tables}, leaves their keys, foreign keys
 * and indexes as the schema declares them, sets identity sequences past the loaded ids, and
 * ANALYZEs what it loaded. It must not hold whole tables in memory.
 */
interface DataLoader {
  /** The name workload.properties uses to select this loader ({@code generator=...}). */
  String name();

  /** The tables this loader fills, unqualified. */
  List<String> tables();

  /**
   * The rows per table that {@link #load} will write for {@code options}; throws a usage error for
   * options this loader cannot honour (for example a scale that is too small).
   */
  Map<String, Long> expectedRows(SeedOptions options);

  /** Loads into the database of {@code spec}, whose tables already exist. */
  LoadReport load(ConnectionSpec spec, SeedOptions options, Progress progress) throws SQLException;
}
