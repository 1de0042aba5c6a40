package dev.indexlab.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.FaultPoint;
import dev.indexlab.scenario.CandidateApplier;
import dev.indexlab.testing.FastRuns;
import dev.indexlab.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite: indexlab commands in JVMs of their own, stopped at set points (a {@link
 * FaultPoint} sends the signal, as a user's Ctrl-C, SIGTERM or kill -9 at that moment would), and
 * what survives checked: exit status 130/143, one line saying what was interrupted and cleaned, no
 * server, folder, connection file, copy database or applied candidate left behind; after kill -9,
 * the next command cleans up. The workload is the tiny exit-codes one; measurements are short.
 */
class FaultSuiteIT {
  static final String WORKLOAD = "src/test/resources/workloads/exit-codes";
  static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));
  static final List<String> SHORT =
      List.of("--warmup-iterations", "1", "--iterations", "1", "--iteration-time", "0.1");

  @TempDir Path dir;

  @Test
  void seedStoppedBySigtermAfterATableLeavesNoServerAndExits143() throws Exception {
    Child c =
        Child.run(
            dir,
            Map.of(FaultPoint.AT, "seed-table", FaultPoint.SIGNAL, "TERM"),
            "seed",
            "--workload",
            "queries",
            "--scale",
            "0.01",
            "-q");

    assertThat(c.status()).as(c.err()).isEqualTo(143);
    assertThat(c.errLines())
        .singleElement()
        .asString()
        .startsWith("indexlab: interrupted by SIGTERM while seeding the data; ")
        .contains("stopped the embedded server and deleted its data folder");
    assertThat(owned(c.pid(), "pg")).isEmpty();
    assertThat(processesMentioning("indexlab-pg-pid" + c.pid() + "-")).isEmpty();
  }

  @Test
  void benchStoppedInAJmhForkEndsTheForkAndLeavesNoConnectionFile() throws Exception {
    Path forkPid = dir.resolve("fork.pid");
    List<String> args =
        new ArrayList<>(
            List.of(
                "bench",
                "--workload",
                WORKLOAD,
                "--routes",
                "shelf_count",
                "--results",
                dir.resolve("results").toString(),
                "--forks",
                "1",
                "--warmup-iterations",
                "1",
                "--iterations",
                "20",
                "--iteration-time",
                "1",
                "-q"));
    Child c =
        Child.run(
            dir,
            Map.of(FaultPoint.AT, "jmh-fork", FaultPoint.RECORD, forkPid.toString()),
            args.toArray(String[]::new));

    assertThat(c.status()).as(c.err()).isEqualTo(130);
    assertThat(c.errLines())
        .singleElement()
        .asString()
        .startsWith(
            "indexlab: interrupted by SIGINT while measuring route shelf_count (baseline); ")
        .contains("ended 1 JMH fork")
        .contains("deleted the connection file")
        .contains("stopped the embedded server");
    // 20 one-second iterations were asked for: the fork was ended, not waited for
    assertThat(c.took()).isLessThan(java.time.Duration.ofSeconds(25));
    assertThat(c.out()).doesNotContain("FAILED");
    long fork = Long.parseLong(Files.readString(forkPid).trim());
    assertThat(ProcessHandle.of(fork).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(owned(c.pid(), "connection")).isEmpty();
    assertThat(owned(c.pid(), "pg")).isEmpty();
  }

  @Test
  void theServerKilledUnderBenchIsOneLineAndExitOneWithinTenSeconds() throws Exception {
    Path forkPid = dir.resolve("fork.pid");
    Child.Started bench =
        Child.start(
            dir,
            // the fork only says it is measuring: signal 0 is no signal
            Map.of(
                FaultPoint.AT,
                "jmh-fork",
                FaultPoint.SIGNAL,
                "0",
                FaultPoint.RECORD,
                forkPid.toString()),
            "bench",
            "--workload",
            WORKLOAD,
            "--routes",
            "shelf_count",
            "--results",
            dir.resolve("results").toString(),
            "--forks",
            "1",
            "--warmup-iterations",
            "1",
            "--iterations",
            "20",
            "--iteration-time",
            "1",
            "-q");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Files.exists(forkPid) && System.nanoTime() < deadline && bench.process().isAlive()) {
      Thread.sleep(100);
    }
    assertThat(forkPid).exists();
    List<Path> folder = owned(bench.process().pid(), "pg");
    assertThat(folder).hasSize(1);
    long postmaster =
        Long.parseLong(Files.readAllLines(folder.get(0).resolve("postmaster.pid")).get(0).trim());
    long killed = System.nanoTime();
    ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
    Child c = bench.finish();

    assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(10));
    assertThat(c.status()).as(c.err()).isEqualTo(1);
    assertThat(c.errLines())
        .singleElement()
        .asString()
        .startsWith("indexlab: the PostgreSQL server stopped: ")
        .contains("measuring route shelf_count");
    assertThat(c.err()).doesNotContain("\tat ");
    long fork = Long.parseLong(Files.readString(forkPid).trim());
    assertThat(ProcessHandle.of(fork).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(folder.get(0)).doesNotExist();
  }

  @Test
  void runStoppedAfterACopyWasMadeDropsTheCopy() throws Exception {
    ConnectionSpec db = TestDatabases.empty("fault_copy");
    Child c = Child.run(dir, Map.of(FaultPoint.AT, "copy-created"), run(db, false));

    assertThat(c.status()).as(c.err()).isEqualTo(130);
    assertThat(c.err()).doesNotContain("== ");
    assertThat(c.errLines())
        .last()
        .asString()
        .startsWith("indexlab: interrupted by SIGINT while baseline: all routes; ")
        .contains("dropped copy database " + db.database() + "_baseline");
    assertThat(FastRuns.databasesStartingWith(db, db.database() + "_")).isEmpty();
  }

  @Test
  void runInPlaceStoppedAfterACandidateWasAppliedRevertsItAndPrintsNoPassword() throws Exception {
    ConnectionSpec role = TestDatabases.ownedByRoleWithoutCreatedb("fault_inplace");
    String url = role.jdbcUrl() + "?user=" + role.user() + "&password=" + role.password();
    ConnectionSpec db = new ConnectionSpec(url, null, null);
    List<String> args = new ArrayList<>(List.of(run(db, true)));
    args.add("--verbose");
    Child c =
        Child.run(dir, Map.of(FaultPoint.AT, "candidate-applied"), args.toArray(String[]::new));

    assertThat(c.status()).as(c.err()).isEqualTo(130);
    assertThat(c.errLines())
        .last()
        .asString()
        .startsWith("indexlab: interrupted by SIGINT while candidate shelf_index; ")
        .contains("reverted shelf_index in database " + role.database());
    assertThat(indexNames(role)).doesNotContain("items_shelf_idx").contains("items_pkey");
    assertThat(historyTables(role)).isZero();
    assertThat(owned(c.pid(), "inplace")).isEmpty();
    assertThat(owned(c.pid(), "staged")).isEmpty();
    assertNoPassword(role.password(), c);
  }

  @Test
  void afterKillMinus9TheNextCommandStopsTheServerAndDoctorDropsTheCopies() throws Exception {
    Child seed =
        Child.run(
            dir,
            Map.of(FaultPoint.AT, "seed-table", FaultPoint.SIGNAL, "KILL"),
            "seed",
            "--workload",
            "queries",
            "--scale",
            "0.01",
            "-q");
    assertThat(seed.status()).isEqualTo(137);
    List<Path> left = owned(seed.pid(), "pg");
    assertThat(left).hasSize(1);
    long postmaster =
        Long.parseLong(Files.readAllLines(left.get(0).resolve("postmaster.pid")).get(0));
    assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).isPresent();

    // any command sweeps the temp folder on its way in; this test JVM's own server is alive
    Child next = Child.run(dir, Map.of(), "checksum", "--help");
    assertThat(next.status()).isZero();
    assertThat(next.errLines())
        .singleElement()
        .asString()
        .startsWith("indexlab: cleaned up after an indexlab that was killed: ")
        .contains("stopped the embedded server of and deleted " + left.get(0));
    assertThat(left.get(0)).doesNotExist();
    assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(owned(ProcessHandle.current().pid(), "pg")).isNotEmpty();

    ConnectionSpec db = TestDatabases.empty("fault_kill");
    Child run =
        Child.run(
            dir, Map.of(FaultPoint.AT, "copy-created", FaultPoint.SIGNAL, "KILL"), run(db, false));
    assertThat(run.status()).isEqualTo(137);
    assertThat(FastRuns.databasesStartingWith(db, db.database() + "_")).hasSize(1);

    Child doctor = Child.run(dir, Map.of(), "doctor", "--db", db.jdbcUrl(), "--user", db.user());
    assertThat(doctor.status()).as(doctor.err()).isZero();
    assertThat(doctor.out())
        .contains("indexlab doctor: dropped copy database " + db.database() + "_baseline");
    assertThat(FastRuns.databasesStartingWith(db, db.database() + "_")).isEmpty();
    Child again = Child.run(dir, Map.of(), "doctor", "--db", db.jdbcUrl(), "--user", db.user());
    assertThat(again.out()).contains("nothing left behind");
  }

  @Test
  void afterKillMinus9OfAnInPlaceRunDoctorRevertsTheCandidate() throws Exception {
    ConnectionSpec role = TestDatabases.ownedByRoleWithoutCreatedb("fault_inplace_kill");
    Child killed =
        Child.run(
            dir,
            Map.of(FaultPoint.AT, "candidate-applied", FaultPoint.SIGNAL, "KILL"),
            run(role, true));
    assertThat(killed.status()).isEqualTo(137);
    assertThat(indexNames(role)).contains("items_shelf_idx");
    assertThat(historyTables(role)).isOne();
    assertThat(owned(killed.pid(), "staged")).hasSize(1);

    Child doctor =
        Child.run(
            dir,
            Map.of("PGPASSWORD", role.password()),
            "doctor",
            "--db",
            role.jdbcUrl(),
            "--user",
            role.user());
    assertThat(doctor.status()).as(doctor.err()).isZero();
    assertThat(doctor.out())
        .contains("reverted the candidate a killed in-place run (process " + killed.pid() + ")");
    assertThat(indexNames(role)).doesNotContain("items_shelf_idx").contains("items_pkey");
    assertThat(historyTables(role)).isZero();
    assertThat(owned(killed.pid(), "inplace")).isEmpty();
    assertThat(owned(killed.pid(), "staged")).isEmpty();
  }

  /** {@code indexlab run} of the exit-codes workload on {@code db}, short and quiet. */
  private String[] run(ConnectionSpec db, boolean inPlace) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--workload",
                WORKLOAD,
                "--db",
                db.jdbcUrl(),
                "--force",
                "--no-advise",
                "--draws",
                "1",
                "--forks",
                "0",
                "--results",
                dir.resolve("results").toString(),
                "--reports",
                dir.resolve("reports").toString(),
                "-q"));
    if (db.user() != null) {
      args.addAll(List.of("--user", db.user()));
    }
    if (db.password() != null) {
      args.addAll(List.of("--password", db.password()));
    }
    if (inPlace) {
      args.add("--in-place");
    }
    args.addAll(SHORT);
    return args.toArray(String[]::new);
  }

  private void assertNoPassword(String password, Child c) throws IOException {
    assertThat(c.out()).doesNotContain(password);
    assertThat(c.err()).doesNotContain(password);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1))
            .as(f.toString())
            .doesNotContain(password);
      }
    }
  }

  /**
   * The temp entries of {@code kind} ({@code pg}, {@code connection}, ...) owned by {@code pid}.
   */
  static List<Path> owned(long pid, String kind) throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> s =
        Files.newDirectoryStream(TMP, "indexlab-" + kind + "-pid" + pid + "-*")) {
      s.forEach(out::add);
    }
    return out;
  }

  static List<Long> processesMentioning(String text) {
    return ProcessHandle.allProcesses()
        .filter(
            h ->
                h.info().arguments().map(a -> String.join(" ", a).contains(text)).orElse(false)
                    || h.info().commandLine().map(l -> l.contains(text)).orElse(false))
        .map(ProcessHandle::pid)
        .toList();
  }

  static List<String> indexNames(ConnectionSpec db) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = db.open();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  static int historyTables(ConnectionSpec db) throws Exception {
    try (Connection c = db.open();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM pg_class WHERE relname = ?")) {
      ps.setString(1, CandidateApplier.HISTORY_TABLE);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
