package dev.indexlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.advise.CandidateFolder;
import dev.indexlab.advise.CandidateReader;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.testing.FastRuns;
import dev.indexlab.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --workload} selects a workload without a generator (a Flyway schema/ folder with CSV and
 * SQL data files) for every command that takes one: seed, checksum, explain, bench, advise, check,
 * baseline save and gate, each through the real command line against one database of the shared
 * test server ({@code run} is RunCommandIT's).
 */
class WorkloadCommandsIT {
  static final String WORKLOAD = "src/test/resources/workloads/shop-migrations";

  @TempDir Path dir;

  @BeforeAll
  static void jmh() {
    FastRuns.allowConcurrentJmh();
  }

  private record Run(int status, String out, String err) {}

  private static Run indexlab(ConnectionSpec db, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--workload", WORKLOAD, "--db", db.jdbcUrl()));
    args.addAll(List.of("--user", db.user()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void everyCommandTakesTheWorkload() throws Exception {
    ConnectionSpec db = TestDatabases.empty("e2e_byo_cli");

    Run seed = indexlab(db, "seed", "--force", "--quiet");
    assertThat(seed.status()).as(seed.err()).isZero();
    assertThat(seed.out()).contains("seeded database " + db.database()).contains("shop.Reviews");

    Run checksum = indexlab(db, "checksum");
    assertThat(checksum.status()).as(checksum.err()).isZero();
    assertThat(checksum.out()).contains("shop.Reviews ").contains("all tables: ");

    Run explain =
        indexlab(db, "explain", "--draws", "1", "--plans", dir.resolve("plans").toString());
    assertThat(explain.status()).as(explain.err()).isZero();
    assertThat(dir.resolve("plans/baseline/findings.json")).isRegularFile();
    assertThat(explain.out()).contains("book_page", "order_lines");

    List<String> bench =
        new ArrayList<>(
            List.of(
                "bench", "--results", dir.resolve("results").toString(), "--parameter-sets", "20"));
    bench.addAll(FastRuns.CLI_PROFILE);
    bench.addAll(List.of("--iteration-time", "0.1"));
    Run measured = indexlab(db, bench.toArray(String[]::new));
    assertThat(measured.status()).as(measured.err()).isZero();
    assertThat(dir.resolve("results/baseline/bench.json")).isRegularFile();
    assertThat(measured.out()).contains("book_page", "order_lines");

    Path candidates = dir.resolve("candidates");
    Run advise = indexlab(db, "advise", "--force", "--out", candidates.toString());
    assertThat(advise.status()).as(advise.err()).isZero();
    assertThat(CandidateReader.read(candidates))
        .extracting((CandidateFolder f) -> f.candidate().name())
        .contains("idx_reviews_book_isbn");

    Run check = indexlab(db, "check");
    assertThat(check.status()).as(check.err()).isZero();

    // the gate forks a JVM per route (its profiles have one fork): one route keeps it short
    Path baseline = dir.resolve("baseline.json");
    Run saved =
        indexlab(db, "baseline", "save", baseline.toString(), "--routes", "order_lines", "-q");
    assertThat(saved.status()).as(saved.err()).isZero();
    assertThat(saved.out()).contains("baseline: wrote");
    Run gate =
        indexlab(
            db,
            "gate",
            "--baseline",
            baseline.toString(),
            "--routes",
            "order_lines",
            "--threshold",
            "1000%",
            "-q");
    assertThat(gate.status()).as(gate.out() + gate.err()).isZero();
  }
}
