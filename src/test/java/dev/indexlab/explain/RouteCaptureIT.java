package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A capture stops after the first draw over its limit, and says how many draws it explained. */
class RouteCaptureIT {
  private static ConnectionSpec db;

  @TempDir Path dir;

  @BeforeAll
  static void database() throws Exception {
    db = ExplainTestData.songstackifyWithRows("capture");
  }

  private Route slowRoute() throws Exception {
    Path file = dir.resolve("slow_read.sql");
    Files.writeString(
        file,
        String.join(
            "\n",
            "-- @route GET /slow/{user_id}",
            "-- @param user_id sample: SELECT id FROM users ORDER BY id",
            "-- @statement read the user slowly",
            "SELECT id, pg_sleep(0.03) FROM users WHERE id = :user_id;",
            ""));
    return RouteParser.parse(file);
  }

  /**
   * The last statement runs once per draw, in its EXPLAIN ANALYZE: a sequence (which no rollback
   * resets) counts the runs. The first statement runs twice per draw, explained and for real, since
   * the next one needs its result; the warm-up runs both once.
   */
  @Test
  void theLastStatementOfADrawRunsOnlyInItsExplain() throws Exception {
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      st.execute("CREATE SEQUENCE IF NOT EXISTS first_runs");
      st.execute("CREATE SEQUENCE IF NOT EXISTS last_runs");
      Path file = dir.resolve("two_steps.sql");
      Files.writeString(
          file,
          String.join(
              "\n",
              "-- @route GET /two/{user_id}",
              "-- @param user_id sample: SELECT id FROM users ORDER BY id",
              "-- @statement first",
              "-- @returns n",
              "SELECT nextval('first_runs') AS n, id FROM users WHERE id = :user_id;",
              "-- @statement last",
              "SELECT nextval('last_runs') + :n AS m;",
              ""));
      Route route = RouteParser.parse(file);
      long firstBefore = value(st, "first_runs");
      long lastBefore = value(st, "last_runs");
      RouteCapture.Result r = new RouteCapture(5, 42).capture(c, route, null, null);
      assertThat(r.error()).isNull();
      assertThat(r.statements()).hasSize(2);
      // reading a sequence here takes a value too: the "+ 1"
      assertThat(value(st, "first_runs") - firstBefore).isEqualTo(1 + 2 * 5 + 1);
      assertThat(value(st, "last_runs") - lastBefore).isEqualTo(1 + 5 + 1);
    }
  }

  /**
   * Every plan a capture keeps is of one draw, one parameter set: the two statements of a route
   * show the same user, and a second capture asked for that draw shows it again.
   */
  @Test
  void theShownPlansAreOfOneDrawAndAnotherCaptureShowsTheSameOne() throws Exception {
    Path file = dir.resolve("user_plays.sql");
    Files.writeString(
        file,
        String.join(
            "\n",
            "-- @route GET /plays/{user_id}",
            "-- @param user_id sample: SELECT id FROM users ORDER BY id",
            "-- @statement the user",
            "SELECT id FROM users WHERE id = :user_id;",
            "-- @statement the plays",
            "SELECT count(*) FROM song_history WHERE user_id = :user_id;",
            ""));
    Route route = RouteParser.parse(file);
    try (Connection c = db.open()) {
      RouteCapture.Result first = new RouteCapture(5, 42).capture(c, route, null, null);
      assertThat(first.drawTotals().totalsMs()).hasSize(5);
      int shown = first.shownDraw();
      String user = first.drawTotals().shownParameters().get("user_id");
      assertThat(shown).isBetween(1, 5);
      assertThat(user).isNotBlank();
      for (var s : first.statements()) {
        assertThat(s.planText()).contains("= '" + user + "'");
      }
      // the median draw of the totals is the shown one
      var sorted = first.drawTotals().totalsMs().stream().sorted().toList();
      assertThat(first.drawTotals().totalsMs().get(shown - 1)).isEqualTo(sorted.get(2));

      int other = shown == 1 ? 2 : 1;
      RouteCapture.Result second =
          new RouteCapture(5, 42).capture(c, route, null, null, Double.POSITIVE_INFINITY, other);
      assertThat(second.shownDraw()).isEqualTo(other);
      String otherUser = second.drawTotals().shownParameters().get("user_id");
      for (var s : second.statements()) {
        assertThat(s.planText()).contains("= '" + otherUser + "'");
      }
      RouteCapture.Result again =
          new RouteCapture(5, 42).capture(c, route, null, null, Double.POSITIVE_INFINITY, shown);
      assertThat(again.drawTotals().shownParameters()).containsEntry("user_id", user);
    }
  }

  private static long value(Statement st, String sequence) throws Exception {
    try (var rs = st.executeQuery("SELECT nextval('" + sequence + "')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aDrawOverTheLimitEndsTheCapture() throws Exception {
    Route route = slowRoute();
    RouteCapture capture = new RouteCapture(5, 42);
    try (Connection c = db.open()) {
      RouteCapture.Result all = capture.capture(c, route, null, null);
      assertThat(all.error()).isNull();
      assertThat(all.draws()).isEqualTo(5);
      assertThat(all.statements())
          .singleElement()
          .satisfies(s -> assertThat(s.draws()).isEqualTo(5));

      RouteCapture.Result roomy = capture.capture(c, route, null, null, 10_000, 0);
      assertThat(roomy.draws()).isEqualTo(5);

      RouteCapture.Result stopped = capture.capture(c, route, null, null, 10, 0);
      assertThat(stopped.error()).isNull();
      assertThat(stopped.draws()).isEqualTo(1);
      assertThat(stopped.statements())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.draws()).isEqualTo(1);
                assertThat(s.medianExecutionMs()).isGreaterThan(25);
              });
    }
  }
}
