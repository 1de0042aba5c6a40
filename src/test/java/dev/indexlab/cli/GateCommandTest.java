package dev.indexlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.IndexlabException;
import dev.indexlab.gate.Baseline;
import dev.indexlab.gate.BaselineFile;
import dev.indexlab.gate.BaselineMeta;
import dev.indexlab.gate.GateSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's command line on bad input: each is refused with exit 2 before a server starts. */
class GateCommandTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  Path baseline(double scale, long seed) {
    BaselineMeta meta =
        new BaselineMeta(
            "0.1.0",
            "SongStackify",
            "d",
            Map.of(),
            "queries",
            scale,
            seed,
            GateSettings.baselineDefaults().metaProfile(),
            1,
            3,
            1000,
            "17.6",
            "2025-01-01T00:00:00Z");
    Path file = dir.resolve("baseline.json");
    BaselineFile.write(new Baseline(Baseline.FORMAT, meta, List.of()), file);
    return file;
  }

  @Test
  void aModeIsRequired() {
    Run r = run("gate");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("indexlab: give either --baseline FILE, or both --base and --head\n");
    assertThat(run("gate", "--base", "main").exit()).isEqualTo(2);
    assertThat(run("gate", "--baseline", "b.json", "--base", "a", "--head", "b").exit())
        .isEqualTo(2);
  }

  @Test
  void aMissingBaselineIsOneLineNamingTheFile() {
    Path missing = dir.resolve("missing.json");
    Run r = run("gate", "--baseline", missing.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("indexlab: baseline " + missing + ": no such file\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aCorruptBaselineIsOneLineNamingTheFile() throws Exception {
    Path corrupt = dir.resolve("corrupt.json");
    Files.writeString(corrupt, "{\"format\": 1, \"routes\": [");
    Run r = run("gate", "--baseline", corrupt.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("indexlab: baseline " + corrupt + " is not an indexlab baseline file (not JSON")
        .hasLineCount(1);
  }

  @Test
  void aBaselineOfOtherDataIsRefusedNamingTheDifference() throws Exception {
    Path file = baseline(1.0, 42);
    Run scale = run("gate", "--baseline", file.toString(), "--scale", "0.5");
    assertThat(scale.exit()).isEqualTo(2);
    assertThat(scale.err())
        .isEqualTo(
            "indexlab: baseline "
                + file
                + " was measured on other data (scale: baseline 1, now 0.5); pass"
                + " --allow-mismatch to compare anyway\n");

    Run seed = run("gate", "--baseline", file.toString(), "--seed", "7", "--scale", "2");
    assertThat(seed.err()).contains("(scale: baseline 1, now 2; seed: baseline 42, now 7)");

    Path other = dir.resolve("other");
    Files.createDirectories(other.resolve("schema"));
    Files.writeString(other.resolve("workload.properties"), "name=Shop\n");
    Run workload = run("gate", "--baseline", file.toString(), "--workload", other.toString());
    assertThat(workload.exit()).isEqualTo(2);
    assertThat(workload.err()).contains("(workload: baseline SongStackify, now Shop)");
  }

  @Test
  void badOptionsAreUsageErrors() {
    Run r = run("gate", "--baseline", "b.json", "--threshold", "lots");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("'lots' is not a percentage; use for example 20%");
    assertThat(run("gate", "--baseline", "b.json", "--buffers-threshold", "-5%").exit())
        .isEqualTo(2);
    assertThat(run("baseline").exit()).isEqualTo(2);
    assertThat(run("baseline", "save").exit()).isEqualTo(2);
    assertThat(run("gate", "--baseline", baseline(1.0, 42).toString(), "--profile", "turbo").err())
        .contains("--profile turbo: unknown");
  }

  @Test
  void anUnknownSideIsAUsageError() {
    Run r = run("gate", "--base", "no-such-ref-xyz", "--head", "queries");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("indexlab: no-such-ref-xyz: neither a directory nor a git commit");
  }

  @Test
  void anUnexpectedFailureIsAJobFailureOfOneLine() {
    RuntimeException cause = new IllegalStateException("a broken promise\n  at its second line");
    RuntimeException mapped = GateCommand.unexpected(cause, "gate");

    assertThat(mapped).isInstanceOf(IndexlabException.class).hasCause(cause);
    assertThat(((IndexlabException) mapped).status()).isEqualTo(IndexlabException.JOB_FAILED);
    assertThat(mapped.getMessage())
        .isEqualTo("gate failed: java.lang.IllegalStateException: a broken promise");
  }

  @Test
  void aLostServerIsLeftForMainToName() {
    RuntimeException lost =
        new IllegalStateException(new SQLException("terminating connection", "57P01"));

    assertThat(GateCommand.unexpected(lost, "gate")).isSameAs(lost);
  }

  @Test
  void anIndexlabExceptionKeepsItsOwnStatus() {
    RuntimeException usage = IndexlabException.usage("--rounds must be at least 1, was 0");

    assertThat(GateCommand.unexpected(usage, "upgrade-check")).isSameAs(usage);
  }

  @Test
  void percentagesParse() {
    PercentConverter c = new PercentConverter();
    assertThat(c.convert("20%")).isEqualTo(0.20);
    assertThat(c.convert(" 7.5 ")).isEqualTo(0.075);
    assertThat(c.convert("0%")).isZero();
  }

  @Test
  void thresholdMsDefaultsToTheGatesFloorAndRefusesANegativeValue() throws Exception {
    String shown =
        new picocli.CommandLine(new GateCommand())
            .getCommandSpec()
            .findOption("--threshold-ms")
            .defaultValue();
    assertThat(Double.parseDouble(shown))
        .isEqualTo(dev.indexlab.gate.GateThresholds.DEFAULT_TIME_MS);

    Run r = run("gate", "--baseline", baseline(1.0, 42).toString(), "--threshold-ms", "-1");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--threshold-ms must be a number of ms >= 0");
  }
}
