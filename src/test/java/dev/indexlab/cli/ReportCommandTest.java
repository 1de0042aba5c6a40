package dev.indexlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.report.RunResultsFixture;
import dev.indexlab.report.RunResultsJson;
import dev.indexlab.results.RunResults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir Path temp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void rebuildsTheReportFromSavedResultsAndAgainInPlace() throws Exception {
    Path results = temp.resolve("results");
    RunResults fixture = RunResultsFixture.results();
    RunResultsJson.write(fixture, results.resolve("results.json"));
    RunResultsFixture.writePlanFiles(fixture, results);
    Path reports = temp.resolve("reports");

    assertThat(run("report", "--from", results.toString(), "--out", reports.toString())).isZero();
    assertThat(out.toString()).startsWith("indexlab: wrote ").contains(reports.toString());
    String readme = Files.readString(reports.resolve("README.md"));
    assertThat(readme)
        .contains("`indexlab report --from <this directory>`")
        .doesNotContain(
            Setting.FROM.toString(), Setting.PROFILE.toString(), Setting.IN_PLACE.toString());
    assertThat(reports.resolve("plans/baseline/users_delete/2.json")).isRegularFile();

    // the report directory is self-contained: rebuilding it in place changes nothing
    assertThat(run("report", "--from", reports.toString())).isZero();
    assertThat(Files.readString(reports.resolve("README.md"))).isEqualTo(readme);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void missingResultsFileIsAUsageErrorOnOneLine() {
    Path dir = temp.resolve("empty");
    int status = run("report", "--from", dir.toString());
    assertThat(status).isEqualTo(IndexlabException.USAGE);
    assertThat(err.toString().lines().toList())
        .containsExactly("indexlab: no results file: " + dir.resolve("results.json"));
  }

  @Test
  void corruptResultsFileIsAUsageErrorOnOneLine() throws Exception {
    Files.writeString(temp.resolve("results.json"), "{ not json");
    int status = run("report", "--from", temp.toString(), "--out", temp.resolve("out").toString());
    assertThat(status).isEqualTo(IndexlabException.USAGE);
    assertThat(err.toString().lines().toList()).hasSize(1);
    assertThat(err.toString()).startsWith("indexlab: cannot read " + temp.resolve("results.json"));
    assertThat(temp.resolve("out")).doesNotExist();
  }
}
