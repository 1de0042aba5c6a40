package dev.indexlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.testing.TestDatabases;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SeedCommandIT {
  /** The exit code and both streams of one run of the real command line. */
  record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(code, out.toString(), err.toString());
  }

  private static void assertOneLineUsageError(Outcome o, String... fragments) {
    assertThat(o.code()).as(o.err()).isEqualTo(2);
    assertThat(o.err()).contains(fragments).doesNotContain("\tat ", "Exception");
  }

  @Test
  void badScalesAreOneLineUsageErrorsNamingTheOption() {
    assertOneLineUsageError(run("seed", "--scale", "0", "-q"), "--scale", "greater than 0");
    assertOneLineUsageError(run("seed", "--scale", "-1", "-q"), "--scale");
    assertOneLineUsageError(run("seed", "--scale", "zero", "-q"), "--scale", "not a number");
    assertOneLineUsageError(run("checksum", "--scale", "NaN"), "--scale");
    assertOneLineUsageError(
        run("seed", "--scale", "0.00001", "-q"), "--scale 0.00001", "too small");
  }

  @Test
  void unknownTargetsAreUsageErrors() {
    assertOneLineUsageError(run("seed", "--db", "nosuch", "-q"), "--db nosuch", "unknown target");
  }

  @Test
  void unreachableHostsAndMissingDatabasesAreConfigurationErrorsInOneLine() throws IOException {
    int unused;
    try (ServerSocket socket = new ServerSocket(0)) {
      unused = socket.getLocalPort();
    }
    long start = System.nanoTime();
    Outcome refused =
        run("seed", "-q", "--db", "jdbc:postgresql://127.0.0.1:" + unused + "/x", "--user", "u");
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(15);
    // a server that cannot be reached is a configuration error
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("cannot connect").doesNotContain("\tat ");

    ConnectionSpec server = TestDatabases.server().connection();
    Outcome missing =
        run(
            "checksum",
            "--db",
            server.withDatabase("no_such_database").jdbcUrl(),
            "--user",
            server.user());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no_such_database").doesNotContain("\tat ");
  }

  @Test
  void seedingAJdbcTargetNeedsForceAndChecksumOnlyReadsIt() throws Exception {
    ConnectionSpec db = TestDatabases.empty("cli_seed");
    Outcome refused =
        run("seed", "-q", "--scale", "0.01", "--db", db.jdbcUrl(), "--user", db.user());
    assertOneLineUsageError(refused, "--force");

    Outcome seeded =
        run("seed", "-q", "--scale", "0.01", "--db", db.jdbcUrl(), "--user", db.user(), "--force");
    assertThat(seeded.code()).as(seeded.err()).isZero();
    assertThat(seeded.out()).contains("song_history", "9,190", "total", "13,032", "load time:");

    Outcome again = run("seed", "-q", "--scale", "0.01", "--db", db.jdbcUrl(), "--user", db.user());
    assertOneLineUsageError(again, "already holds rows", "--force");

    Outcome sums = run("checksum", "--db", db.jdbcUrl(), "--user", db.user());
    assertThat(sums.code()).as(sums.err()).isZero();
    assertThat(sums.out()).contains("public.song_history", "9,190", "all tables: ");
  }

  @Test
  void embeddedSeedPrintsCountsAndLeavesNoServerOrDataDirectory() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    Map<Long, Path> started = new ConcurrentHashMap<>();
    Map<Long, String> ports = new ConcurrentHashMap<>();
    List<Long> before = postgresPids();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread watcher =
        new Thread(
            () -> {
              while (running.get()) {
                for (long pid : postgresPids()) {
                  if (!before.contains(pid)) {
                    List<String> args = cmdline(pid);
                    int d = args.indexOf("-D");
                    int p = args.indexOf("-p");
                    if (d >= 0 && p >= 0 && Path.of(args.get(d + 1)).startsWith(tmp)) {
                      started.put(pid, Path.of(args.get(d + 1)));
                      ports.put(pid, args.get(p + 1));
                    }
                  }
                }
                sleep(20);
              }
            });
    watcher.start();
    Outcome o;
    try {
      o = run("checksum", "--scale", "0.01", "-q");
    } finally {
      running.set(false);
      watcher.join();
    }
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("public.song_history", "9,190", "all tables: ");
    Matcher m = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(o.out());
    assertThat(m.find()).as(o.out()).isTrue();
    String port = m.group(1);
    List<Long> ours =
        ports.entrySet().stream()
            .filter(e -> e.getValue().equals(port))
            .map(Map.Entry::getKey)
            .toList();
    assertThat(ours).as("the command's postmaster was seen while it ran").isNotEmpty();
    for (long pid : ours) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("postgres %d still running", pid)
          .isFalse();
      assertThat(started.get(pid)).doesNotExist();
    }
    assertThat(
            ProcessHandle.current()
                .descendants()
                .filter(h -> h.info().command().orElse("").endsWith("postgres")))
        .isEmpty();
  }

  private static List<Long> postgresPids() {
    List<Long> pids = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.toList()) {
        String name = p.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit)) {
          try {
            if (Files.readString(p.resolve("comm")).strip().equals("postgres")) {
              pids.add(Long.parseLong(name));
            }
          } catch (IOException gone) {
            // the process ended while we looked
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return pids;
  }

  private static List<String> cmdline(long pid) {
    try {
      String raw = Files.readString(Path.of("/proc/" + pid + "/cmdline"), StandardCharsets.UTF_8);
      return List.of(raw.split("\0"));
    } catch (IOException gone) {
      return List.of();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
