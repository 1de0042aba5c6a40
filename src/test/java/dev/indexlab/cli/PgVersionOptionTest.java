package dev.indexlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code --pg-version} through the real command line; every case fails before a server starts. */
class PgVersionOptionTest {
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void anUnsupportedVersionIsOneLineNamingTheSupportedOnes() {
    for (String bad : new String[] {"13", "abc"}) {
      Run r = run("seed", "--scale", "0.01", "-q", "--pg-version", bad);
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err())
          .isEqualTo(
              "indexlab: --pg-version "
                  + bad
                  + ": not a supported PostgreSQL version; use one of 14, 15, 16, 17, 18"
                  + System.lineSeparator());
    }
  }

  @Test
  void aVersionWithAJdbcUrlOrAnExplicitImageIsAUsageError() {
    Run jdbc =
        run("checksum", "--db", "jdbc:postgresql://127.0.0.1:1/x", "--pg-version", "16", "-q");
    assertThat(jdbc.exit()).isEqualTo(2);
    assertThat(jdbc.err())
        .startsWith("indexlab: --pg-version 16: a server given by JDBC URL runs its own version");

    Run image = run("checksum", "--db", "testcontainers:postgres:15", "--pg-version", "16", "-q");
    assertThat(image.exit()).isEqualTo(2);
    assertThat(image.err())
        .startsWith(
            "indexlab: --pg-version 16 and --db testcontainers:postgres:15 both choose the"
                + " server");
  }

  @Test
  void helpNamesTheDefault() {
    Run r = run("seed", "--help");
    assertThat(r.out()).contains("--pg-version=N").contains("(default: 18)");
  }
}
