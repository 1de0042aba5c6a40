package dev.indexlab.seed;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.FaultPoint;
import dev.indexlab.db.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads generated tables into existing tables as fast as PostgreSQL allows, replacing their rows.
 *
 * <ol>
 *   <li>The tables' keys and indexes are captured from the catalog and dropped ({@link
 *       ConstraintSet}).
 *   <li>A graph of jobs runs on two connections ({@link SqlWorkers}), heaviest ready job first:
 *       <ul>
 *         <li>per table: {@code BEGIN; TRUNCATE; COPY ... FROM STDIN (FORMAT binary, FREEZE)}, its
 *             primary key and other indexes, {@code COMMIT}. Truncating in the same transaction
 *             lets COPY skip WAL under {@code wal_level=minimal} and write its rows frozen and
 *             all-visible, so no VACUUM pass or hint-bit writes follow;
 *         <li>per table with foreign keys, once it and the tables it references are loaded: each
 *             key added back {@code NOT VALID}, then {@code VALIDATE CONSTRAINT};
 *         <li>per table, once its keys are valid: {@code ANALYZE};
 *         <li>once all are loaded: identity sequences set past the largest id.
 *       </ul>
 *       So the small tables' keys, validations and statistics are done on one connection while the
 *       largest table is still streaming on the other.
 * </ol>
 *
 * If any job fails, the tables are truncated and their keys restored (best effort) before the
 * failure is rethrown, so the schema is not left without its constraints.
 */
public final class BulkLoad {
  /** Connections used at once: one server process each, on a machine of at least two cores. */
  static final int CONNECTIONS = 2;

  private final ConnectionSpec spec;
  private final Progress progress;
  private final Object foreignKeyLock = new Object();

  public BulkLoad(ConnectionSpec spec, Progress progress) {
    this.spec = spec;
    this.progress = progress;
  }

  public LoadReport run(List<TableGenerator> tables) throws SQLException {
    long start = System.nanoTime();
    List<String> names = tables.stream().map(TableGenerator::table).toList();
    Map<String, Long> rows = new ConcurrentHashMap<>();
    Map<String, Long> tableNanos = new ConcurrentHashMap<>();
    Map<String, Long> busy = new ConcurrentHashMap<>();
    try (SqlWorkers workers = new SqlWorkers(spec, CONNECTIONS)) {
      Connection first = workers.first();
      TableState state = TableState.inspect(first, names);
      if (!state.allExist()) {
        throw IndexlabException.usage("tables missing before the load: " + state.missing());
      }
      ConstraintSet keys = ConstraintSet.capture(first, names);
      keys.dropAll(first);
      try {
        List<SqlWorkers.Job> jobs = new ArrayList<>();
        Map<String, Long> rowsByRelation = new LinkedHashMap<>();
        AtomicInteger loading = new AtomicInteger(tables.size());
        for (TableGenerator g : tables) {
          String relation = state.relation(g.table());
          rowsByRelation.put(relation, g.rows());
          jobs.add(
              new SqlWorkers.Job(
                  "load " + relation,
                  g.rows() * g.columns().size(),
                  Set.of(),
                  c -> {
                    long t0 = System.nanoTime();
                    progress.tableStarted(g.table(), g.rows());
                    long copied = copy(c, g, relation, keys, workers);
                    long nanos = System.nanoTime() - t0;
                    rows.put(g.table(), copied);
                    tableNanos.put(g.table(), nanos);
                    busy.merge("copy and keys", nanos, Long::sum);
                    progress.tableFinished(g.table(), copied, nanos);
                    FaultPoint.reached("seed-table");
                    if (loading.decrementAndGet() == 0) {
                      progress.step("all rows loaded; validating foreign keys and analyzing");
                    }
                  }));
        }
        for (String owner : keys.foreignKeyOwners()) {
          jobs.add(foreignKeyJob(owner, keys, rowsByRelation, busy));
        }
        for (String relation : rowsByRelation.keySet()) {
          boolean hasKeys = !keys.foreignKeysOf(relation).isEmpty();
          jobs.add(
              new SqlWorkers.Job(
                  "analyze " + relation,
                  rowsByRelation.get(relation) / 8,
                  Set.of((hasKeys ? "validate " : "load ") + relation),
                  c -> timed(busy, "analyze", () -> execute(c, "ANALYZE " + relation))));
        }
        jobs.add(
            new SqlWorkers.Job(
                "sequences",
                0,
                rowsByRelation.keySet().stream().map(r -> "load " + r).collect(Collectors.toSet()),
                c -> timed(busy, "sequences", () -> resetSequences(c, names))));
        workers.run(jobs);
      } catch (SQLException | RuntimeException e) {
        recover(keys, state, names);
        throw e;
      }
    }
    Map<String, Long> ordered = new LinkedHashMap<>();
    Map<String, Long> orderedNanos = new LinkedHashMap<>();
    for (String name : names) {
      ordered.put(name, rows.get(name));
      orderedNanos.put(name, tableNanos.get(name));
    }
    Map<String, Long> phases = new LinkedHashMap<>();
    for (String phase : List.of("copy and keys", "foreign keys", "analyze", "sequences")) {
      phases.put(phase, busy.getOrDefault(phase, 0L));
    }
    return new LoadReport(ordered, orderedNanos, phases, System.nanoTime() - start);
  }

  /**
   * Adds {@code owner}'s foreign keys back NOT VALID (one at a time across all connections, so two
   * connections never lock the same pair of tables in opposite orders), then validates them.
   */
  private SqlWorkers.Job foreignKeyJob(
      String owner, ConstraintSet keys, Map<String, Long> rowsByRelation, Map<String, Long> busy) {
    List<ConstraintSet.Constraint> fks = keys.foreignKeysOf(owner);
    Set<String> after = new HashSet<>();
    if (rowsByRelation.containsKey(owner)) {
      after.add("load " + owner);
    }
    for (ConstraintSet.Constraint k : fks) {
      if (rowsByRelation.containsKey(k.referenced())) {
        after.add("load " + k.referenced());
      }
    }
    return new SqlWorkers.Job(
        "validate " + owner,
        rowsByRelation.getOrDefault(owner, 0L) * fks.size(),
        after,
        c ->
            timed(
                busy,
                "foreign keys",
                () -> {
                  for (ConstraintSet.Constraint k : fks) {
                    synchronized (foreignKeyLock) {
                      execute(c, k.addSql(true));
                    }
                  }
                  for (ConstraintSet.Constraint k : fks) {
                    if (k.validated()) {
                      execute(c, k.validateSql());
                    }
                  }
                }));
  }

  /** One table in one transaction: truncate, copy frozen rows, build its keys. */
  private long copy(
      Connection c, TableGenerator g, String relation, ConstraintSet keys, SqlWorkers workers)
      throws SQLException {
    String columns = g.columns().stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.execute("TRUNCATE " + relation);
      CopyIn in =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "COPY "
                      + relation
                      + " ("
                      + columns
                      + ") FROM STDIN "
                      + CopyBinaryWriter.copyOptions());
      CopyBinaryWriter writer =
          new CopyBinaryWriter(in, workers::cancelled, n -> progress.rows(g.table(), n));
      long copied;
      try {
        g.write(writer);
        copied = writer.finish();
      } catch (SQLException | RuntimeException e) {
        writer.abort();
        throw e;
      }
      if (copied != g.rows()) {
        throw new IllegalStateException(
            g.table() + ": generated " + g.rows() + " rows but the server copied " + copied);
      }
      keys.restoreKeys(st, relation);
      c.commit();
      return copied;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** Sets each identity or serial sequence so that its next value is past the largest one used. */
  private static void resetSequences(Connection c, List<String> names) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (PreparedStatement ps = SqlResource.withTables(c, "sequences.sql", names);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    for (String[] col : columns) {
      String sql =
          "SELECT setval(?::regclass, coalesce(max(" + col[1] + "), 0) + 1, false) FROM " + col[0];
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, col[2]);
        ps.executeQuery().close();
      }
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** A step that may fail with an SQLException. */
  @FunctionalInterface
  private interface Step {
    void run() throws SQLException;
  }

  private static void timed(Map<String, Long> busy, String phase, Step step) throws SQLException {
    long t0 = System.nanoTime();
    step.run();
    busy.merge(phase, System.nanoTime() - t0, Long::sum);
  }

  /** After a failure: empty the tables (so keys fit again) and restore keys; best effort. */
  private void recover(ConstraintSet keys, TableState state, List<String> names) {
    try (Connection c = spec.open();
        Statement st = c.createStatement()) {
      String all = names.stream().map(state::relation).collect(Collectors.joining(", "));
      try {
        st.execute("TRUNCATE " + all);
      } catch (SQLException e) {
        // keep going: restoring the keys matters more
      }
      keys.restoreQuietly(c);
    } catch (SQLException e) {
      // the server is gone or refuses; the load's own failure is what gets reported
    }
  }
}
