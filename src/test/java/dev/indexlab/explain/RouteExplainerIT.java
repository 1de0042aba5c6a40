package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.workload.ParameterSampler;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteParser;
import dev.indexlab.workload.SampledRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capture engine's draws: draw k runs with the pool's parameter set k, and the warm-up with the
 * set after the last draw's, so the gate's baselines recorded before the warm-up explained the same
 * sets.
 */
class RouteExplainerIT {
  private static ConnectionSpec db;

  @TempDir Path dir;

  @BeforeAll
  static void database() throws Exception {
    db = ExplainTestData.songstackifyWithRows("explainer");
  }

  /**
   * A session-level advisory lock outlives the route's rollback: the locks the capture leaves are
   * the user ids every run of the route used, the unexplained warm-up's included.
   */
  @Test
  void drawKRunsWithSetKAndTheWarmUpWithTheSetAfterTheLast() throws Exception {
    Path file = dir.resolve("lock_user.sql");
    Files.writeString(
        file,
        String.join(
            "\n",
            "-- @route GET /lock/{user_id}",
            "-- @param user_id sample: SELECT id FROM users ORDER BY id",
            "-- @statement lock the user's id",
            "SELECT pg_advisory_lock(id) FROM users WHERE id = :user_id;",
            ""));
    Route route = RouteParser.parse(file);
    int draws = 3;
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      List<Map<String, Object>> pool = ParameterSampler.pool(c, route, 42, draws + 1);
      Set<Long> explained = new HashSet<>();
      pool.subList(0, draws).forEach(p -> explained.add(((Number) p.get("user_id")).longValue()));
      long warmUpUser = ((Number) pool.get(draws).get("user_id")).longValue();
      assertThat(explained).as("the warm-up's user is no draw's").doesNotContain(warmUpUser);

      RouteExplainer.Result r =
          new RouteExplainer(draws, 42, SampledRows.none(), new TriggerDrillDown())
              .explain(c, route, RouteExplainer.EVERY_DRAW);

      assertThat(r.failure()).isNull();
      assertThat(r.draws()).hasSize(draws);
      for (ExplainedDraw d : r.draws()) {
        assertThat(d.parameters()).isEqualTo(pool.get(d.number() - 1));
        assertThat(d.complete(1)).isTrue();
        ExplainedStatement s = d.statements().get(0);
        assertThat(s.result().plan().executionTimeMs()).isEqualTo(s.executionMs());
        assertThat(s.work().sharedHit() + s.work().sharedRead()).isPositive();
        assertThat(s.work().rowsExamined()).isPositive();
      }
      assertThat(r.draws()).extracting(ExplainedDraw::number).containsExactly(1, 2, 3);
      Set<Long> locked = new HashSet<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT (classid::bigint << 32) | objid::bigint FROM pg_locks"
                  + " WHERE locktype = 'advisory' AND pid = pg_backend_pid()")) {
        while (rs.next()) {
          locked.add(rs.getLong(1));
        }
      }
      st.execute("SELECT pg_advisory_unlock_all()");
      Set<Long> expected = new HashSet<>(explained);
      expected.add(warmUpUser);
      assertThat(locked).isEqualTo(expected);
    }
  }

  /**
   * The engine stops after the draw its caller's rule accepts; the warm-up is offered as draw 0.
   */
  @Test
  void theCallersRuleEndsTheDraws() throws Exception {
    Path file = dir.resolve("read_user.sql");
    Files.writeString(
        file,
        String.join(
            "\n",
            "-- @route GET /users/{user_id}",
            "-- @param user_id sample: SELECT id FROM users ORDER BY id",
            "-- @statement read the user",
            "SELECT id FROM users WHERE id = :user_id;",
            ""));
    Route route = RouteParser.parse(file);
    RouteExplainer engine = new RouteExplainer(4, 42, SampledRows.none(), new TriggerDrillDown());
    try (Connection c = db.open()) {
      assertThat(engine.explain(c, route, d -> d.number() == 2).draws())
          .extracting(ExplainedDraw::number)
          .containsExactly(1, 2);
      assertThat(engine.explain(c, route, d -> d.number() == 0).draws()).isEmpty();
    }
  }
}
