package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
