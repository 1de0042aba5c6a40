package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import dev.indexlab.results.Finding;
import dev.indexlab.results.FindingKind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the findings.json reader refuses, and what it skips (the advice from it is advise's). */
class FindingsFileTest {
  @TempDir Path dir;

  /** A findings.json as explain writes it, with one finding of each kind the advisor acts on. */
  private static String advisedFindings() throws Exception {
    try (InputStream in =
        FindingsFileTest.class.getResourceAsStream("/dev/indexlab/advise/explain-findings.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aFileWrittenBeforeFindingsCarriedRolesIsRefusedInOneLine() throws Exception {
    Path file = dir.resolve("old-findings.json");
    String withRoles = advisedFindings();
    Files.writeString(
        file, withRoles.replaceAll("(?s)\"roles\": \\{.*?\"pattern\": \\[[^]]*\\]\\s*\\},", ""));
    assertThat(Files.readString(file)).doesNotContain("\"roles\"");

    assertThatThrownBy(() -> FindingsFile.read(file))
        .isInstanceOf(IndexlabException.class)
        .satisfies(
            e -> assertThat(((IndexlabException) e).status()).isEqualTo(IndexlabException.USAGE))
        .hasMessage(
            file
                + ": not a findings file: finding 2 (SEQ_SCAN_REMOVES_MOST_ROWS on"
                + " public.song_history) has no column roles: the file was written by an older"
                + " indexlab; run indexlab explain again to rewrite it");
  }

  @Test
  void theAdvisorsFormerFormatAndOtherFilesAreRefusedInOneLine() throws Exception {
    Path file = dir.resolve("findings.json");
    Files.writeString(
        file,
        "[{\"kind\": \"SEQ_SCAN_REMOVES_MOST_ROWS\", \"table\": \"song_history\","
            + " \"equalityColumns\": [\"user_id\"]}]");
    assertThatThrownBy(() -> FindingsFile.read(file))
        .isInstanceOf(IndexlabException.class)
        .hasMessageStartingWith(
            file + ": not a findings file: finding 1 is in the advisor's former")
        .hasMessageNotContaining("\n");

    Files.writeString(file, "{\"not\": \"an array\"}");
    assertThatThrownBy(() -> FindingsFile.read(file))
        .isInstanceOf(IndexlabException.class)
        .hasMessage(file + ": not a findings file: expected a JSON array of findings");

    Files.writeString(file, "[{\"kind\": \"SEQ_SCAN_REMOVES_MOST");
    assertThatThrownBy(() -> FindingsFile.read(file))
        .isInstanceOf(IndexlabException.class)
        .hasMessageStartingWith(file + ": not a findings file: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void findingsOfAKindThisVersionDoesNotKnowAreSkipped() throws Exception {
    Path file = dir.resolve("findings.json");
    Files.writeString(
        file,
        "[{\"kind\": \"SOMETHING_NEWER\", \"nodePath\": \"/0/Plan\", \"columns\": [\"a\"]},"
            + " {\"kind\": \"SPILL_TO_DISK\", \"nodePath\": \"/0/Plan\", \"columns\": [\"a\"],"
            + " \"numbers\": {\"diskKb\": 300}, \"message\": \"Sort sorts on disk\"}]");
    assertThat(FindingsFile.read(file))
        .extracting(Finding::kind)
        .containsExactly(FindingKind.SPILL_TO_DISK);
  }
}
