package dev.indexlab.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateOutputsTest {
  @TempDir Path dir;

  static GateOutcome droppedIndex() {
    double[] s = GateFixtures.lognormal(1000, 5, 0.3, 1);
    Map<String, Long> rows = Map.of("song_history", 919_039L);
    Baseline before =
        GateFixtures.baseline(
            GateFixtures.route(
                "users_delete",
                s,
                rows,
                GateFixtures.deleteUserWith("writeup-song-history-bitmap", 40)),
            GateFixtures.route("song_play", s, Map.of()));
    Baseline now =
        GateFixtures.baseline(
            GateFixtures.route(
                "users_delete",
                s,
                rows,
                GateFixtures.deleteUserWith("writeup-song-history-seq-scan", 40)),
            GateFixtures.route("song_play", s, Map.of()),
            GateFixtures.route("song_search", s, Map.of()));
    return new RegressionGate(GateThresholds.defaults()).compare(before, now, List.of());
  }

  @Test
  void writesTheVerdictTheSummaryTheStepSummaryAndTheJUnitReport() throws Exception {
    Path junit = dir.resolve("reports/gate.xml");
    Path summary = dir.resolve("gate.md");
    Path step = dir.resolve("step-summary.md");
    Files.writeString(step, "earlier step\n");
    StringWriter out = new StringWriter();

    GateOutputs.write(
        droppedIndex(),
        "Baseline `b.json` against `queries`.",
        junit,
        summary,
        Map.of(GateOutputs.STEP_SUMMARY, step.toString()),
        new PrintWriter(out),
        "indexlab gate");

    assertThat(out.toString())
        .isEqualTo(
            "indexlab gate: FAIL 1 regression (users_delete: Bitmap Heap Scan → Seq Scan on"
                + " song_history), 1 passed, 1 added"
                + System.lineSeparator());
    String md = Files.readString(summary);
    assertThat(md)
        .startsWith("## indexlab gate: FAIL\n")
        .contains("Baseline `b.json` against `queries`.")
        .contains("| `users_delete`")
        .contains("**FAIL**: Bitmap Heap Scan → Seq Scan on song_history")
        .contains("| `song_search`  | added")
        .contains("### Regressions")
        .contains(
            "```text\nbefore:\n  "
                + GateFixtures.CASCADE
                + "\n    Bitmap Heap Scan on song_history")
        .contains("after:\n  " + GateFixtures.CASCADE + "\n    Seq Scan on song_history")
        .contains("<details><summary>How the gate decides</summary>");
    assertThat(Files.readString(step)).isEqualTo("earlier step\n" + md + "\n");

    String xml = Files.readString(junit);
    assertThat(xml)
        .contains(
            "<testsuite name=\"indexlab\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\"")
        .contains("<testcase name=\"users_delete\"")
        .contains(
            "<failure message=\"statement 2 &quot;delete the user&quot;: Bitmap Heap Scan →"
                + " Seq Scan on song_history (919,039 rows); index song_history_user_id no longer"
                + " used\" type=\"regression\">")
        .contains("  before:\n    " + GateFixtures.CASCADE)
        .contains("      Seq Scan on song_history  (cost=0.00..18262.05")
        .contains("<testcase name=\"song_play\" classname=\"indexlab.gate\"")
        .contains("<skipped message=\"new since the baseline; nothing to compare\"/>");
  }

  @Test
  void nothingButTheVerdictWithoutFilesOrStepSummary() {
    StringWriter out = new StringWriter();

    GateOutputs.write(
        droppedIndex(), "x", null, null, Map.of(), new PrintWriter(out), "indexlab gate");

    assertThat(out.toString()).startsWith("indexlab gate: FAIL 1 regression");
    assertThat(dir).isEmptyDirectory();
  }
}
