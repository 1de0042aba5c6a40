package dev.indexlab.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.bench.Preflight;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteParser;
import dev.indexlab.workload.SampledRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's EXPLAIN capture does no work twice: the last statement of a draw runs only in its
 * EXPLAIN ANALYZE, and the sampling query the preflight read is not run again. Sequences count the
 * runs, since no rollback resets them.
 */
class GateCaptureIT {
  private static ConnectionSpec db;

  @TempDir Path dir;

  @BeforeAll
  static void database() throws Exception {
    db = TestDatabases.empty("gatecapture");
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)");
      st.execute("INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 50) g");
      st.execute("CREATE SEQUENCE first_runs");
      st.execute("CREATE SEQUENCE last_runs");
      st.execute("CREATE SEQUENCE sampling_runs");
    }
  }

  private Route route() throws Exception {
    Path file = dir.resolve("two_steps.sql");
    Files.writeString(
        file,
        String.join(
            "\n",
            "-- @route GET /items/{id}",
            "-- @param id sample: SELECT i.id FROM items i, (SELECT nextval('sampling_runs')) s"
                + " ORDER BY i.id",
            "-- @statement first",
            "-- @returns n",
            "SELECT nextval('first_runs') AS n, id FROM items WHERE id = :id;",
            "-- @statement last",
            "INSERT INTO items (id, name) VALUES (1000 + nextval('last_runs') + :n, 'new');",
            ""));
    return RouteParser.parse(file);
  }

  /**
   * A warm-up run (each statement once, none explained), then three draws: the first statement runs
   * twice per draw (explained, then for real, since the last one reads its result), the last one
   * once, in its EXPLAIN ANALYZE; both are explained.
   */
  @Test
  void theLastStatementOfADrawRunsOnlyInItsExplain() throws Exception {
    Route route = route();
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      long first = value(st, "first_runs");
      long last = value(st, "last_runs");
      List<StatementSnapshot> s = StatementSnapshot.capture(c, route, 3, 42, SampledRows.none());
      assertThat(s).hasSize(2);
      for (StatementSnapshot statement : s) {
        assertThat(statement.error()).isNull();
        assertThat(statement.explained()).hasSize(3);
      }
      assertThat(s.get(1).nodeTypes()).contains("ModifyTable");
      // reading a sequence here takes a value too: the "+ 1"
      assertThat(value(st, "first_runs") - first).isEqualTo(1 + 2 * 3 + 1);
      assertThat(value(st, "last_runs") - last).isEqualTo(1 + 3 + 1);
      try (var rs = st.executeQuery("SELECT count(*) FROM items")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(50);
      }
    }
  }

  /** The preflight and the capture share the sampling query's rows: it runs once for both. */
  @Test
  void thePreflightsSampledRowsServeTheCapture() throws Exception {
    Route route = route();
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      long before = value(st, "sampling_runs");
      SampledRows kept = SampledRows.forOneRun();
      assertThat(Preflight.check(db, route, 42, 1000, kept)).isEmpty();
      List<StatementSnapshot> shared = StatementSnapshot.capture(c, route, 3, 42, kept);
      assertThat(value(st, "sampling_runs") - before).isEqualTo(1 + 1);
      assertThat(shared).allSatisfy(s -> assertThat(s.explained()).hasSize(3));
    }
  }

  private static long value(Statement st, String sequence) throws Exception {
    try (var rs = st.executeQuery("SELECT nextval('" + sequence + "')")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
