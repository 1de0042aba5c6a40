package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.results.Finding;
import dev.indexlab.results.FindingKind;
import dev.indexlab.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A real parallel Seq Scan on the embedded server: its finding counts rows as PostgreSQL does (the
 * per-loop averages times the loops of the leader and the workers, so within a row per loop of the
 * true counts) and gives the statement's own Execution Time, not a process's time times the
 * processes.
 */
class ParallelScanFindingIT {
  static final int ROWS = 200_000;

  @Test
  void aParallelScansFindingCountsTheRowsOfEveryProcessAndTheStatementsTime() throws Exception {
    ConnectionSpec db = TestDatabases.empty("parallel_scan");
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE plays (id bigint PRIMARY KEY, user_id integer NOT NULL)");
      st.execute("INSERT INTO plays SELECT g, g % 1000 FROM generate_series(1, " + ROWS + ") AS g");
      st.execute("ANALYZE plays");
      // a parallel plan for any table size, with the leader taking part
      st.execute("SET max_parallel_workers_per_gather = 2");
      st.execute("SET parallel_setup_cost = 0");
      st.execute("SET parallel_tuple_cost = 0");
      st.execute("SET min_parallel_table_scan_size = 0");
      st.execute("SET parallel_leader_participation = on");
      long matching;
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM plays WHERE user_id = 677")) {
        rs.next();
        matching = rs.getLong(1);
      }

      ExplainResult r =
          new StatementExplainer()
              .explain(c, "SELECT id FROM plays WHERE user_id = ?", List.of(677), true);
      assertThat(r.succeeded()).as(r.failureSummary()).isTrue();
      PlanNode scan =
          r.plan().root().walk().filter(n -> "Seq Scan".equals(n.nodeType())).findFirst().get();
      assertThat(scan.parallelAware()).isTrue();
      PlanNode gather = r.plan().root();
      assertThat(gather.nodeType()).isEqualTo("Gather");
      long workers = gather.workersLaunched();
      assertThat(workers).as("workers launched").isPositive();
      long processes = workers + 1;
      assertThat(scan.actualLoops()).isEqualTo((double) processes);

      Finding f =
          new FindingDetector()
              .detect(r.plan()).stream()
                  .filter(x -> x.kind() == FindingKind.SEQ_SCAN_REMOVES_MOST_ROWS)
                  .findFirst()
                  .orElseThrow();
      long returned = f.numbers().get("rowsReturned").longValue();
      long read = f.numbers().get("rowsRead").longValue();
      // each loop's average is rounded to a whole row: at most half a row per loop off
      assertThat(Math.abs(returned - matching)).isLessThanOrEqualTo(processes / 2 + 1);
      assertThat(Math.abs(read - ROWS)).isLessThanOrEqualTo(processes);
      String execution = String.format(Locale.ROOT, "%.1f ms", r.plan().executionTimeMs());
      assertThat(f.message())
          .startsWith(
              "Parallel Seq Scan on plays, run by "
                  + processes
                  + " processes (the leader and "
                  + workers
                  + (workers == 1 ? " worker)" : " workers)"))
          .contains(
              String.format(
                  Locale.ROOT, "reads about %,d rows to return about %,d", read, returned))
          .endsWith("the whole statement takes " + execution + " (its Execution Time)");
      assertThat(f.numbers().get("timeMs").doubleValue())
          .isLessThanOrEqualTo(r.plan().executionTimeMs());
    }
  }
}
