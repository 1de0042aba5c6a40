package dev.indexlab.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.explain.PlanTextRenderer;
import dev.indexlab.scenario.RunResults;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Captures of the results model go through the same rules: a dropped index fails there too. */
class CapturedStatementsTest {
  static RunResults.StatementCapture deleteUser(String cascadePlan, long cascadeBuffers) {
    RunResults.DrillDown cascade =
        new RunResults.DrillDown(
            "song_history_user_id_fkey",
            "song_history",
            List.of("user_id"),
            "CASCADE",
            "DELETE FROM ONLY \"public\".\"song_history\" WHERE \"user_id\" = ?::bigint",
            1.0,
            cascadeBuffers,
            PlanTextRenderer.render(GateFixtures.plan(cascadePlan)),
            List.of());
    return new RunResults.StatementCapture(
        1,
        "delete the user",
        "DELETE FROM users WHERE id = :user_id;",
        65.0,
        60.0,
        70.0,
        0.1,
        5,
        0,
        0,
        PlanTextRenderer.render(GateFixtures.plan("writeup-delete-user")),
        null,
        List.of(),
        List.of(cascade),
        List.of(),
        List.of("users_pkey"),
        List.of("ModifyTable", "Index Scan"),
        null,
        0);
  }

  @Test
  void aCaptureBecomesAStatementWithItsCascade() {
    StatementSnapshot s = CapturedStatements.of(deleteUser("writeup-song-history-bitmap", 40));

    assertThat(s.describe()).isEqualTo("statement 2 \"delete the user\"");
    assertThat(s.medianSharedBuffers()).isEqualTo(5);
    assertThat(s.indexesUsed()).containsExactly("users_pkey", "song_history_user_id");
    assertThat(s.draws().get(0).sections())
        .extracting(PlanSection::title)
        .containsExactly("statement", GateFixtures.CASCADE);
  }

  @Test
  void theRulesFindTheDroppedIndexInCapturedText() {
    StatementSnapshot before = CapturedStatements.of(deleteUser("writeup-song-history-bitmap", 40));
    StatementSnapshot after =
        CapturedStatements.of(deleteUser("writeup-song-history-seq-scan", 8000));

    List<GateFinding> found =
        new PlanShapeRules(GateThresholds.defaults())
            .regressions(before, after, Map.of("song_history", 919_039L));

    assertThat(found)
        .extracting(GateFinding::summary)
        .containsExactly("Bitmap Heap Scan → Seq Scan on song_history");
  }

  @Test
  void aFailedCaptureIsAFailedDraw() {
    RunResults.StatementCapture failed =
        new RunResults.StatementCapture(
            0,
            "x",
            "SELECT",
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            "42601: syntax error",
            0);

    assertThat(CapturedStatements.of(failed).error()).isEqualTo("42601: syntax error");
  }
}
