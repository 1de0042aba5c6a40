package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFilesTest {
  @Test
  void savesTheServersJsonAsIsAndTheTextAndLoadsThemBack(@TempDir Path dir) throws Exception {
    Plan plan = Fixtures.plan("delete-song-cascade");
    Path json = PlanFiles.save(dir.resolve("baseline/songs_remove"), "1-delete", plan);
    assertThat(json).hasFileName("1-delete.json");
    assertThat(Files.readString(json)).isEqualTo(Fixtures.json("delete-song-cascade"));
    assertThat(Files.readString(dir.resolve("baseline/songs_remove/1-delete.txt")))
        .isEqualTo(PlanTextRenderer.render(plan) + "\n");
    assertThat(PlanFiles.load(dir.resolve("baseline/songs_remove"), "1-delete")).isEqualTo(plan);
  }

  @Test
  void savesDrillDownPlansBesideTheStatementsPlan(@TempDir Path dir) {
    Plan nestedPlan = Fixtures.plan("writeup-song-history-bitmap");
    DrillDown nested =
        new DrillDown(
            "inner \"fk\"", "b", null, "SELECT 1", List.of(), 1, nestedPlan, null, List.of());
    DrillDown outer =
        new DrillDown(
            "song_history_user_id_fkey",
            "users",
            null,
            "DELETE ...",
            List.of(300L),
            1,
            Fixtures.plan("writeup-song-history-seq-scan"),
            null,
            List.of(nested));
    DrillDown skipped =
        new DrillDown("other_fkey", "users", null, null, List.of(), 0, null, "why", List.of());
    ExplainedStatement s =
        new ExplainedStatement(
            new ExplainResult(
                "DELETE FROM users WHERE id = ?",
                List.of(300L),
                true,
                Fixtures.plan("writeup-delete-user"),
                null,
                null),
            List.of(outer, skipped));
    assertThat(PlanFiles.save(dir, "1-delete", s))
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "1-delete.json",
            "1-delete.fk-song_history_user_id_fkey.json",
            "1-delete.fk-song_history_user_id_fkey.fk-inner__fk_.json");
    assertThat(dir.resolve("1-delete.fk-song_history_user_id_fkey.txt")).exists();
    assertThat(PlanFiles.load(dir, "1-delete.fk-song_history_user_id_fkey.fk-inner__fk_"))
        .isEqualTo(nestedPlan);
  }
}
