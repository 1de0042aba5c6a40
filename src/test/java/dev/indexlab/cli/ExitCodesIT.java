package dev.indexlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.db.DatabaseTargets;
import dev.indexlab.report.ReportWriter;
import dev.indexlab.testing.FastRuns;
import dev.indexlab.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit-code contract, command by command, through the real command line: 0 success, 1 the job
 * found a failure, 2 usage or configuration. A configuration error is found before any server
 * starts or any row is seeded: the messages below name the option, not a connection or a seed.
 */
class ExitCodesIT {
  static final String WORKLOAD = "src/test/resources/workloads/exit-codes";

  /** Nothing listens on port 1: the connection is refused at once. */
  static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/nothing";

  @TempDir Path dir;

  @BeforeAll
  static void jmh() {
    FastRuns.allowConcurrentJmh();
  }

  record Outcome(int status, String out, String err) {}

  static Outcome indexlab(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(status, out.toString(), err.toString());
  }

  static void assertUsage(Outcome o, String message) {
    assertThat(o.status()).as(o.err()).isEqualTo(2);
    // no stack trace, and no line of a server start, a seed or a measurement
    assertThat(o.err())
        .contains(message)
        .doesNotContain("\tat ")
        .doesNotContain("rows")
        .doesNotContain("== ");
  }

  @Test
  void anUnreachableServerIsAConfigurationErrorForEveryCommandThatNeedsOne() throws Exception {
    Path baseline = dir.resolve("baseline.json");
    List<String[]> commands =
        List.of(
            new String[] {"run", "--no-advise"},
            new String[] {"seed", "--force"},
            new String[] {"checksum"},
            new String[] {"check"},
            new String[] {"bench"},
            new String[] {"explain", "--plans", dir.resolve("plans").toString()},
            new String[] {"advise"},
            new String[] {"baseline", "save", baseline.toString()},
            new String[] {"gate", "--base", WORKLOAD, "--head", WORKLOAD},
            new String[] {"serve"});
    for (String[] command : commands) {
      List<String> args = new ArrayList<>(List.of(command));
      args.addAll(List.of("--workload", WORKLOAD, "--db", UNREACHABLE, "-q"));
      if (List.of("check", "checksum", "advise").contains(command[0])) {
        args.remove("-q");
      }
      if (command[0].equals("run")) {
        args.addAll(List.of("--results", dir.resolve("r").toString()));
        args.addAll(List.of("--reports", dir.resolve("rep").toString()));
      }
      Outcome o = indexlab(args.toArray(String[]::new));
      assertThat(o.status()).as(String.join(" ", args) + "\n" + o.err()).isEqualTo(2);
      assertThat(o.err()).as(String.join(" ", args)).contains("cannot connect to");
      assertThat(o.err()).doesNotContain("\tat ");
    }
    assertThat(baseline).doesNotExist();
  }

  @Test
  void aRoleTheServerDoesNotKnowIsAConfigurationError() throws Exception {
    ConnectionSpec db = TestDatabases.empty("exit_role");
    Outcome o =
        indexlab(
            "checksum",
            "--workload",
            WORKLOAD,
            "--db",
            db.jdbcUrl(),
            "--user",
            "no_such_role",
            "--password",
            "not-the-password");
    assertThat(o.status()).as(o.err()).isEqualTo(2);
    assertThat(o.err()).contains("cannot connect to").doesNotContain("not-the-password");
  }

  @Test
  void theBannerNamesTheUserTheUrlChooses() throws Exception {
    ConnectionSpec db = TestDatabases.empty("exit_banner");
    try (DatabaseTarget t =
        DatabaseTargets.open(
            db.jdbcUrl() + "?user=" + db.user(), "someone_else", null, Map.of("PGUSER", "x"))) {
      assertThat(t.description()).endsWith("(user " + db.user() + ")");
      assertThat(t.connection().user()).isEqualTo(db.user());
    }
  }

  @Test
  void badOptionValuesOfRunAreUsageErrorsBeforeAnythingStarts() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    String[][] cases = {
      {"--min-gain", "NaN", "--min-gain"},
      {"--min-gain", "100", "--min-gain"},
      {"--max-regression", "-1", "--max-regression"},
      {"--max-regression-ms", "-1", "--max-regression-ms"},
      {"--max-regression-ms", "NaN", "--max-regression-ms"},
      {"--index-budget", "-1", "--index-budget"},
      {"--index-budget", "Infinity", "--index-budget"},
      {"--threads", "0", "--threads"},
      {"--draws", "0", "--draws"},
      {"--iteration-time", "NaN", "--iteration-time"},
      {"--routes", "no_such_route", "no such route"},
      {"--results", file.resolve("under").toString(), "is not a directory"},
      {"--reports", file.toString(), "is not a directory"},
    };
    for (String[] c : cases) {
      // the embedded default: a check made after the server started would print its seeding
      Outcome o = indexlab("run", "--workload", WORKLOAD, c[0], c[1]);
      assertUsage(o, c[2]);
    }
    assertUsage(indexlab("run", "--scale", "NaN"), "--scale");
    assertUsage(indexlab("run", "--scale", "-1"), "--scale");
  }

  @Test
  void badOptionValuesOfTheOtherCommandsAreUsageErrorsBeforeAnythingStarts() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    assertUsage(indexlab("seed", "--scale", "0", "--workload", WORKLOAD), "--scale");
    assertUsage(indexlab("bench", "--workload", WORKLOAD, "--routes", "nope"), "no such route");
    assertUsage(
        indexlab("bench", "--workload", WORKLOAD, "--routes", "shelf_count,nope"), "no such route");
    assertUsage(indexlab("bench", "--workload", WORKLOAD, "--threads", "0"), "--threads");
    assertUsage(
        indexlab("bench", "--workload", WORKLOAD, "--results", file.toString()),
        "is not a directory");
    assertUsage(indexlab("explain", "--workload", WORKLOAD, "--draws", "0"), "--draws");
    assertUsage(indexlab("explain", "--workload", WORKLOAD, "--routes", "nope"), "no such route");
    assertUsage(
        indexlab("explain", "--workload", WORKLOAD, "--plans", file.resolve("x").toString()),
        "is not a directory");
    assertUsage(
        indexlab("baseline", "save", file.resolve("b.json").toString(), "--workload", WORKLOAD),
        "is not a directory");
    assertUsage(
        indexlab("baseline", "save", dir.toString(), "--workload", WORKLOAD), "is a directory");
    assertUsage(
        indexlab(
            "baseline",
            "save",
            dir.resolve("b.json").toString(),
            "--workload",
            WORKLOAD,
            "--routes",
            "nope"),
        "no such route");
    assertUsage(
        indexlab(
            "gate",
            "--base",
            WORKLOAD,
            "--head",
            WORKLOAD,
            "--junit",
            file.resolve("j.xml").toString()),
        "is not a directory");
    assertUsage(
        indexlab("gate", "--base", WORKLOAD, "--head", WORKLOAD, "--rounds", "0"), "--rounds");
    assertUsage(indexlab("gate", "--base", WORKLOAD, "--head", WORKLOAD, "--threshold", "NaN"), "");
    assertUsage(indexlab("seed-benchmark", "--runs", "0"), "--runs");
    assertUsage(indexlab("report", "--from", dir.resolve("none").toString()), "");
    assertUsage(indexlab("no-such-command"), "");
  }

  @Test
  void aGateThatFailsAfterReachingTheServerIsAJobFailureOfOneLine() throws Exception {
    // the role may not create databases: the A/B gate seeds its data, then cannot copy it
    ConnectionSpec db = TestDatabases.ownedByRoleWithoutCreatedb("exit_gate");
    List<String> args =
        new ArrayList<>(
            List.of(
                "gate",
                "--base",
                WORKLOAD,
                "--head",
                WORKLOAD,
                "--db",
                db.jdbcUrl(),
                "--user",
                db.user(),
                "--password",
                db.password(),
                "--force",
                "-q"));

    Outcome o = indexlab(args.toArray(String[]::new));

    assertThat(o.status()).as(o.err()).isEqualTo(1);
    assertThat(o.err().lines().filter(l -> l.startsWith("indexlab: ")))
        .singleElement()
        .asString()
        .contains("cannot copy database");
    assertThat(o.err()).doesNotContain("\tat ").doesNotContain(db.password());

    args.add("--verbose");
    Outcome verbose = indexlab(args.toArray(String[]::new));

    assertThat(verbose.status()).as(verbose.err()).isEqualTo(1);
    assertThat(verbose.err()).contains("cannot copy database").contains("\tat ");
    assertThat(verbose.err()).doesNotContain(db.password());
  }

  @Test
  void runExitsOneAndListsARouteItLeftOutAndACandidateWhoseMigrationFailed() throws Exception {
    ConnectionSpec db = TestDatabases.empty("exit_run");
    Path results = dir.resolve("results");
    Path reports = dir.resolve("reports");
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--workload",
                WORKLOAD,
                "--db",
                db.jdbcUrl(),
                "--user",
                db.user(),
                "--force",
                "--no-advise",
                "--iteration-time",
                "0.1",
                "--draws",
                "1",
                "--results",
                results.toString(),
                "--reports",
                reports.toString()));
    args.addAll(FastRuns.CLI_PROFILE);
    Outcome o = indexlab(args.toArray(String[]::new));

    assertThat(o.status()).as(o.err()).isEqualTo(1);
    assertThat(o.out())
        .contains("2 problem(s)")
        .contains("route left out: ")
        .contains("item_typo.sql")
        .contains("unknown parameter :item_id")
        .contains("typo: its migration failed: ");
    String summary = Files.readString(reports.resolve(ReportWriter.SUMMARY));
    assertThat(summary)
        .contains("## Problems during the run")
        .contains("route left out: ")
        .contains("unknown parameter :item")
        .contains("typo: build failed");
    // no library log line, and every candidate ends with one verdict line
    assertThat(o.err()).doesNotContain("\tat ").doesNotContain("ERROR").doesNotContain("WARN");
    assertThat(o.err().lines().filter(l -> l.startsWith("   typo: ")))
        .singleElement()
        .asString()
        .startsWith("   typo: rejected — its migration failed");
    assertThat(o.err().lines().filter(l -> l.matches("   shelf_index: (accepted|rejected) — .*")))
        .hasSize(1);
  }
}
