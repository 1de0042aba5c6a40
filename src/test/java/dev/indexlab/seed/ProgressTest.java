package dev.indexlab.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static String drive(boolean terminal) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress p = Progress.forStream(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal);
    p.tableStarted("songs", 1_000);
    p.rows("songs", 500);
    p.tableFinished("songs", 1_000, 2_000_000_000L);
    p.step("analyzing");
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void logLinesOnePerEvent() {
    assertThat(drive(false))
        .isEqualTo(
            "indexlab: loading songs (1,000 rows)\n"
                + "indexlab: loaded songs: 1,000 rows in 2.00 s (500 rows/s)\n"
                + "indexlab: analyzing\n");
  }

  @Test
  void terminalRedrawsOneLineAndKeepsFinishedTables() {
    String out = drive(true);
    assertThat(out).contains("\r\033[Ksongs 0/1,000").doesNotContain("indexlab:");
    assertThat(out)
        .contains("songs                           1,000 rows     2.00 s          500 rows/s\n");
    assertThat(out).endsWith("analyzing\n\r\033[K");
  }

  @Test
  void quietSaysNothing() {
    Progress.quiet().tableStarted("songs", 1);
    Progress.quiet().step("nothing");
    assertThat(Progress.quiet()).isSameAs(Progress.QuietProgress.INSTANCE);
  }
}
