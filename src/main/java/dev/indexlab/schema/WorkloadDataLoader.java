package dev.indexlab.schema;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.workload.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads a workload's data files into a database that already holds its schema, for workloads
 * without a generator.
 *
 * <pre>{@code
 * Workload w = Workload.open(Path.of("examples/bookshop"));
 * SchemaLoader.load(spec, w);
 * WorkloadDataLoader.Summary s = WorkloadDataLoader.load(spec, w);
 * }</pre>
 *
 * <ol>
 *   <li>{@code data/TABLE.csv} and {@code data/SCHEMA.TABLE.csv} (header row of column names) are
 *       streamed with COPY, parents before children by the schema's foreign keys (DEFERRABLE ones
 *       are deferred to commit instead; a cycle of other ones is reported);
 *   <li>serial and identity sequences of every schema are moved past the loaded keys;
 *   <li>then {@code data/*.sql} files run in name order, as {@link SqlScript}s, so they may build
 *       on the CSV rows and insert without ids (sequences are moved again after them);
 *   <li>all of it commits as one transaction, then the database is ANALYZEd.
 * </ol>
 *
 * Without a {@code data/} folder only the last two steps run (the rows then come from the COPY
 * blocks or INSERTs of {@code schema.sql}).
 */
public final class WorkloadDataLoader {
  private WorkloadDataLoader() {}

  /**
   * What was loaded: rows per table from CSV files, SQL files run and the rows their COPY blocks
   * loaded (INSERTs are not counted), sequences moved.
   */
  public record Summary(Map<TableName, Long> csvRows, int sqlFiles, long sqlRows, int sequences) {
    /** Every row loaded. */
    public long totalRows() {
      return csvRows.values().stream().mapToLong(Long::longValue).sum() + sqlRows;
    }
  }

  /** Loads {@code workload}'s data into {@code spec}; a usage error on the first problem. */
  public static Summary load(ConnectionSpec spec, Workload workload) {
    return load(spec, workload, LoadProblems.failFast());
  }

  /** Loads {@code workload}'s data into {@code spec}, reporting problems to {@code problems}. */
  public static Summary load(ConnectionSpec spec, Workload workload, LoadProblems problems) {
    try (Connection c = spec.open()) {
      c.setAutoCommit(false);
      Summary summary = load(c, workload.data().orElse(null), problems);
      c.commit();
      c.setAutoCommit(true);
      try (Statement st = c.createStatement()) {
        st.execute("ANALYZE");
      }
      return summary;
    } catch (SQLException e) {
      throw IndexlabException.failed(
          "loading data into " + spec.database() + " failed: " + ServerErrors.describe(e), e);
    }
  }

  /** Loads the files of {@code dataDir} (may be null) in {@code c}'s open transaction. */
  static Summary load(Connection c, Path dataDir, LoadProblems problems) throws SQLException {
    List<Path> csv = new ArrayList<>();
    List<Path> sql = new ArrayList<>();
    if (dataDir != null) {
      list(dataDir, csv, sql, problems);
    }
    try (Statement st = c.createStatement()) {
      st.execute("SET CONSTRAINTS ALL DEFERRED");
    }
    UserTables tables = UserTables.read(c);
    Map<TableName, Path> files = new LinkedHashMap<>();
    for (Path file : csv) {
      String stem = file.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
      UserTables.Match match = tables.resolve(stem);
      if (match.table() == null) {
        problems.problem(file, 1, match.problem());
      } else if (files.containsKey(match.table())) {
        problems.problem(
            file,
            1,
            "table "
                + match.table()
                + " also loaded from "
                + files.get(match.table()).getFileName());
      } else {
        files.put(match.table(), file);
      }
    }
    Map<TableName, Long> rows = new LinkedHashMap<>();
    LoadOrder.Plan plan = LoadOrder.plan(c, List.copyOf(files.keySet()), problems);
    for (TableName table : plan.order()) {
      List<TableName> missing =
          plan.parents().get(table).stream().filter(p -> !rows.containsKey(p)).toList();
      if (!missing.isEmpty()) {
        problems.note(
            LoadProblems.shown(files.get(table))
                + ": not loaded because "
                + missing.stream().map(TableName::toString).collect(Collectors.joining(", "))
                + " failed to load");
        continue;
      }
      Savepoint sp = c.setSavepoint();
      long n = CsvTableLoader.load(c, files.get(table), table, tables, problems);
      if (n < 0) {
        c.rollback(sp);
      } else {
        c.releaseSavepoint(sp);
        rows.put(table, n);
      }
    }
    int moved = SequenceReset.forward(c);
    SqlScript.Result scripts = new SqlScript.Result(0, 0);
    for (Path file : sql) {
      scripts = scripts.plus(SqlScript.run(c, file, problems));
    }
    if (!sql.isEmpty()) {
      moved += SequenceReset.forward(c);
    }
    return new Summary(rows, sql.size(), scripts.copiedRows(), moved);
  }

  private static void list(Path dir, List<Path> csv, List<Path> sql, LoadProblems problems) {
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.sorted().toList()) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(p) || name.startsWith(".")) {
          continue;
        }
        if (name.endsWith(".csv")) {
          csv.add(p);
        } else if (name.endsWith(".sql")) {
          sql.add(p);
        } else if (!name.endsWith(".md") && !name.endsWith(".txt")) {
          problems.note(LoadProblems.shown(p) + ": ignored (data files are *.csv and *.sql)");
        }
      }
    } catch (IOException e) {
      problems.problem(LoadProblems.shown(dir) + ": cannot list: " + e.getMessage());
    }
  }
}
