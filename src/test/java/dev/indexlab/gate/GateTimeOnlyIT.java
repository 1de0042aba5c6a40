package dev.indexlab.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.cli.Main;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseAdmin;
import dev.indexlab.db.JdbcUrlTarget;
import dev.indexlab.seed.Progress;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.seed.SeededDatabase;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate on slow-downs of time alone, end to end through the command line, in this JVM ({@code
 * --forks 0}) with short iterations. Route {@code paused} sleeps as long as the row of table {@code
 * pause} says (2 ms in the baseline), so a test makes it slower on the gate's copy of the data
 * without touching its plan or its buffers; {@code steady} sleeps 1 ms and is its reference; {@code
 * item_by_name} reads through an index a test drops. The slow-downs are 2 → 20 ms per call and the
 * relative threshold is ×3, far beyond what a busy machine does to a sleep (at load 20 on two cores
 * a 1 ms sleep took 2.6–3.5 ms and a 2 ms one ×1.85 its baseline), so the verdicts do not depend on
 * the machine. Measuring in this JVM makes the first route's JDBC path run cold, so a route may
 * show as improved; no assertion depends on that.
 */
class GateTimeOnlyIT {
  static final Path WORKLOAD = Path.of("src/test/resources/workloads/gate-time").toAbsolutePath();
  static final List<String> SHORT =
      List.of(
          "--forks",
          "0",
          "--warmup-iterations",
          "1",
          "--iterations",
          "2",
          "--iteration-time",
          "0.2",
          "--large-table",
          "1000");

  @TempDir static Path work;
  static ConnectionSpec template;
  static Path baseline;

  @BeforeAll
  static void seedOnceAndSaveTheBaseline() throws Exception {
    template = TestDatabases.empty("gate_time");
    SeededDatabase.seed(
        JdbcUrlTarget.connect(template.jdbcUrl(), template.user(), template.password()),
        Workload.open(WORKLOAD),
        new SeedOptions(1, 42, true),
        Progress.quiet());
    baseline = work.resolve("baseline.json");
    List<String> args =
        new ArrayList<>(
            List.of("baseline", "save", baseline.toString(), "--workload", WORKLOAD.toString()));
    args.addAll(SHORT.subList(0, 8));
    Run saved = indexlab(copy("saved"), args);
    assertThat(saved.exit()).as(saved.out() + saved.err()).isZero();
  }

  /** A fresh copy of the seeded template, changed by {@code sql}. */
  static ConnectionSpec copy(String name, String... sql) throws Exception {
    String db = template.database() + "_" + name;
    DatabaseAdmin admin = new DatabaseAdmin(template);
    admin.dropIfExists(db);
    admin.createFromTemplate(db, template.database());
    ConnectionSpec spec = template.withDatabase(db);
    try (Connection c = spec.open();
        Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
    return spec;
  }

  record Run(int exit, String out, String err) {}

  static Run indexlab(ConnectionSpec db, List<String> args) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of("--db", db.jdbcUrl(), "--user", db.user()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.run(
            all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  static Run gate(ConnectionSpec db, String name, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "gate",
                "--baseline",
                baseline.toString(),
                "--workload",
                WORKLOAD.toString(),
                "--junit",
                work.resolve(name + ".xml").toString(),
                "--summary",
                work.resolve(name + ".md").toString()));
    args.addAll(SHORT);
    args.addAll(List.of(more));
    return indexlab(db, args);
  }

  @Test
  void aTimeOnlySlowDownUnderTheFloorInMsPassesWithoutASecondMeasurement() throws Exception {
    Run r = gate(copy("under", "UPDATE pause SET ms = 20"), "under", "--threshold-ms", "50");

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).startsWith("indexlab gate: PASS 3 passed").doesNotContain("cleared");
    assertThat(r.err()).doesNotContain("again");
    assertThat(Files.readString(work.resolve("under.xml")))
        .as("the slow-down was seen, ×5 or more, and is under 50 ms per call")
        .containsPattern(
            "<testcase name=\"paused\"[^>]*>\\s*<system-out>median [2-4]\\.\\d+ → 2\\d\\.\\d");
  }

  @Test
  void aTimeOnlySlowDownOverTheFloorIsConfirmedByASecondMeasurement() throws Exception {
    Run r =
        gate(
            copy("over", "UPDATE pause SET ms = 20"),
            "over",
            "--threshold-ms",
            "0.2",
            "--threshold",
            "200%");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("indexlab gate: FAIL 1 regression (paused: ×")
        .contains("slower (time only, confirmed: ×")
        .contains("), 2 passed");
    assertThat(r.err())
        .contains("gate: measuring paused again (current, 1/2): slower on time alone")
        .contains("gate: measuring paused again (current, 2/2)");
    String md = Files.readString(work.resolve("over.md"));
    assertThat(md)
        .contains("### Measured twice (time only: plan and buffers unchanged)")
        .contains("- `paused`: **confirmed**, fails")
        .contains("  - first measurement: median ")
        .contains("  - second measurement");
    assertThat(Files.readString(work.resolve("over.xml")))
        .contains("failures=\"1\"")
        .contains("time only: plan and buffers unchanged (shared buffers ")
        .contains("slower in both measurements. First measurement: median ")
        .contains("Second measurement");
  }

  @Test
  void aTimeOnlySlowDownThatPassesIsClearedByTheSecondMeasurement() throws Exception {
    // paused sleeps 20 ms until steady has been called 20 times: the pre-flight and EXPLAIN
    // call steady 4 times, its JMH run (after paused's: routes run in name order) many more. So
    // the first measurement of paused is slow and its second measurement, after them, is not.
    ConnectionSpec db = copy("transient", "UPDATE pause SET slow_ms = 20, slow_until_steady = 20");
    Run r = gate(db, "transient", "--threshold-ms", "0.2", "--threshold", "200%");

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .startsWith("indexlab gate: PASS 3 passed")
        .contains(", 1 cleared by a second measurement");
    assertThat(r.err()).contains("gate: measuring paused again (current, 1/2)");
    String md = Files.readString(work.resolve("transient.md"));
    assertThat(md)
        .containsPattern("\\| `paused` +\\| pass \\(time only: cleared by a second measurement\\)")
        .contains("- `paused`: cleared, passes")
        .contains("  - first measurement: median ");
    assertThat(Files.readString(work.resolve("transient.xml")))
        .contains("failures=\"0\"")
        .contains("<property name=\"cleared by a second measurement\" value=\"1\"/>")
        .contains("note: time only: plan and buffers unchanged");
  }

  @Test
  void aPlanChangeFailsWithoutASecondMeasurement() throws Exception {
    Run r =
        gate(
            copy("dropped", "DROP INDEX items_name_index", "UPDATE pause SET ms = 20"),
            "dropped",
            "--threshold-ms",
            "0.2",
            "--threshold",
            "200%");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("indexlab gate: FAIL 2 regressions (item_by_name: ")
        .contains("→ Seq Scan on items");
    assertThat(r.err())
        .doesNotContain("measuring item_by_name again")
        .contains("measuring paused again");
  }
}
