package dev.indexlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportManifestTest {
  @TempDir Path dir;

  @Test
  void aSecondReportRemovesWhatTheFirstWroteAndItDoesNotButNothingElse() throws Exception {
    Files.createDirectories(dir.resolve("plans/old_candidate/route"));
    Files.writeString(dir.resolve("README.md"), "first");
    Files.writeString(dir.resolve("old_candidate.md"), "first");
    Files.writeString(dir.resolve("plans/old_candidate/route/01-a.json"), "{}");
    Files.writeString(dir.resolve("notes.md"), "the user's own");
    ReportManifest.replace(
        dir, List.of("README.md", "old_candidate.md", "plans/old_candidate/route/01-a.json"));

    ReportManifest.replace(dir, List.of("README.md"));

    assertThat(dir.resolve("README.md")).exists();
    assertThat(dir.resolve("notes.md")).as("not written by a report").exists();
    assertThat(dir.resolve("old_candidate.md")).doesNotExist();
    assertThat(dir.resolve("plans")).as("emptied folders go too").doesNotExist();
    assertThat(Files.readAllLines(dir.resolve(ReportManifest.FILE))).containsExactly("README.md");
  }

  @Test
  void aManifestNeverReachesOutsideTheFolder() throws Exception {
    Path outside = Files.writeString(dir.resolve("outside.txt"), "keep");
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.write(out.resolve(ReportManifest.FILE), List.of("../outside.txt"));

    ReportManifest.replace(out, List.of());

    assertThat(outside).exists();
  }
}
