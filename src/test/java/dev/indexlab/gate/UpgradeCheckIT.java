package dev.indexlab.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade check end to end through the real command line, at scale 0.01 on two routes: the
 * bundled workload on an embedded PostgreSQL 17 and an embedded 18, measured in alternating rounds.
 * Times never decide here (the threshold is out of reach): the test checks what is measured and
 * written, and that both servers are stopped afterwards.
 */
class UpgradeCheckIT {
  @TempDir Path work;

  @Test
  void comparesTheRoutesOnSeventeenAndEighteenAndWritesTheGatesOutputs() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.run(
            new String[] {
              "upgrade-check",
              "--from",
              "17",
              "--to",
              "18",
              "--workload",
              "queries",
              "--scale",
              "0.01",
              "--routes",
              "users_delete,song_get_library",
              "--rounds",
              "2",
              "--threshold",
              "1000%",
              "--junit",
              work.resolve("upgrade.xml").toString(),
              "--summary",
              work.resolve("upgrade.md").toString(),
              "-q"
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));

    String md = Files.readString(work.resolve("upgrade.md"));
    assertThat(exit).as(out + "\n" + err + "\n" + md).isIn(0, 1);
    assertThat(out.toString())
        .startsWith("indexlab upgrade-check: " + (exit == 0 ? "PASS" : "FAIL"));
    assertThat(md)
        .startsWith("## indexlab upgrade-check: ")
        .containsPattern(
            "Upgrade check: PostgreSQL 17\\.\\d+ \\(before\\) against PostgreSQL 18\\.\\d+")
        .contains("SongStackify at scale 0.01, seed 42")
        .contains("2 round(s) of JMH")
        .containsPattern("\\| `users_delete` +\\|[^\\n]*\\| +[0-9,]+ → [0-9,]+ \\|")
        .containsPattern("\\| `song_get_library` +\\|[^\\n]*×[0-9.]+ \\(×");
    assertThat(err.toString())
        .contains("gate: measuring users_delete (PostgreSQL 17, round 1/2)")
        .contains("gate: measuring users_delete (PostgreSQL 18, round 2/2)");
    String xml = Files.readString(work.resolve("upgrade.xml"));
    assertThat(xml)
        .contains("users_delete")
        .contains("song_get_library")
        .contains("<property name=\"verdict\" value=\"indexlab upgrade-check: ");
    Matcher started =
        Pattern.compile("seeding embedded PostgreSQL 1[78] on 127\\.0\\.0\\.1:(\\d+)")
            .matcher(err.toString());
    int servers = 0;
    while (started.find()) {
      servers++;
      int port = Integer.parseInt(started.group(1));
      assertThat(listening(port)).as("the server on port %d is stopped", port).isFalse();
    }
    assertThat(servers).isEqualTo(2);
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void theSameVersionTwiceOrAnUnsupportedOneIsAUsageError() {
    for (String[] args :
        List.of(
            new String[] {"upgrade-check", "--from", "17", "--to", "17"},
            new String[] {"upgrade-check", "--from", "13", "--to", "18"},
            new String[] {"upgrade-check", "--from", "17", "--to", "abc"})) {
      StringWriter err = new StringWriter();
      int exit = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
      assertThat(exit).isEqualTo(2);
      assertThat(err.toString().strip()).doesNotContain("\n").startsWith("indexlab: --");
    }
  }
}
