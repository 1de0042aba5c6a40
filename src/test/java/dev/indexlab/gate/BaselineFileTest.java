package dev.indexlab.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineFileTest {
  @TempDir Path dir;

  static Baseline sample() {
    return GateFixtures.baseline(
        GateFixtures.route(
            "users_delete",
            GateFixtures.lognormal(7000, 5, 0.3, 1),
            Map.of("song_history", 919_039L),
            GateFixtures.deleteUserWith("writeup-song-history-bitmap", 40)),
        GateFixtures.failed("ad_create", "no sample rows"));
  }

  @Test
  void aBaselineReadsBackEqual() {
    Baseline b = sample();
    Path file = dir.resolve("sub/baseline.json");

    BaselineFile.write(b, file);
    Baseline again = BaselineFile.read(file);

    assertThat(again).isEqualTo(b);
    assertThat(again.route("users_delete").orElseThrow().samples()).hasSize(5000);
    assertThat(again.route("users_delete").orElseThrow().time().n()).isEqualTo(7000);
    assertThat(again.route("users_delete").orElseThrow().statements().get(0).indexesUsed())
        .containsExactly("users_pkey", "song_history_user_id");
  }

  @Test
  void theFileStartsWithItsFormat() throws Exception {
    Path file = dir.resolve("b.json");
    BaselineFile.write(sample(), file);

    assertThat(Files.readString(file)).startsWith("{\n  \"format\" : 1,");
  }

  @Test
  void aMissingFileIsAUsageErrorNamingIt() {
    Path missing = dir.resolve("nope.json");

    assertThatThrownBy(() -> BaselineFile.read(missing))
        .isInstanceOf(IndexlabException.class)
        .hasMessage("baseline " + missing + ": no such file")
        .extracting(e -> ((IndexlabException) e).status())
        .isEqualTo(IndexlabException.USAGE);
  }

  @Test
  void corruptFilesAreUsageErrorsNamingTheFile() {
    assertUnusable("{\"format\": 1, \"meta\": ", "(not JSON: ");
    assertUnusable("[1, 2, 3]", "(no format number)");
    assertUnusable("{\"results\": []}", "(no format number)");
    assertUnusable("{\"format\": 1, \"routes\": []}", "(no meta section)");
    assertUnusable(
        "{\"format\": 1, \"meta\": {\"workload\": \"w\"}, \"routes\": [{\"samples\": \"x\"}]}",
        "(");
  }

  @Test
  void anotherFormatIsRefusedWithBothNumbers() {
    assertThatThrownBy(() -> BaselineFile.parse("{\"format\": 2}", "b.json"))
        .hasMessage(
            "baseline b.json has format 2; this indexlab reads format 1 (save the baseline again"
                + " with this version)");
  }

  private static void assertUnusable(String text, String detail) {
    assertThatThrownBy(() -> BaselineFile.parse(text, "ci/baseline.json"))
        .isInstanceOf(IndexlabException.class)
        .hasMessageStartingWith("baseline ci/baseline.json is not an indexlab baseline file ")
        .hasMessageContaining(detail)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
        .extracting(e -> ((IndexlabException) e).status())
        .isEqualTo(IndexlabException.USAGE);
  }
}
