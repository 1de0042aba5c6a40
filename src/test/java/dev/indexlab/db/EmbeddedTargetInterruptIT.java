package dev.indexlab.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a real {@code indexlab serve} in a child JVM: the child must exit, stop the PostgreSQL
 * server it started and delete that server's data directory. The child gets its own {@code
 * java.io.tmpdir}, so its data directory and the processes started on it are easy to tell apart
 * from those of other runs on the machine. The waits are generous failure guards, not timings.
 */
class EmbeddedTargetInterruptIT {
  private static final long GUARD_SECONDS = 120;

  @TempDir Path tmp;

  private Process child;
  private final List<ProcessHandle> postgres = new ArrayList<>();

  @AfterEach
  void leaveNothingBehind() {
    if (child != null && child.isAlive()) {
      child.destroyForcibly();
    }
    postgres.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void ctrlCOnAServingCommandStopsItsServerAndDeletesItsData() throws Exception {
    CountDownLatch ready = new CountDownLatch(1);
    child = startServe(ready);
    whileChildRuns(() -> ready.getCount() > 0);
    assertThat(ready.getCount())
        .as("serve printed 'ready'; its stderr: %s", childErrors())
        .isZero();
    Path dataDirectory = onlyDataDirectory();
    ProcessHandle postmaster = postmasterOf(dataDirectory);
    assertThat(postmaster.info().arguments().map(List::of).orElse(List.of()))
        .as("the postmaster serves the child's data directory")
        .contains(dataDirectory.toString());
    postgres.add(postmaster);
    postmaster.descendants().forEach(postgres::add);

    int signal = interrupt(child.pid());

    assertStoppedAndCleanedUp(signal);
  }

  @Test
  void ctrlCWhileTheServerIsStartingStillCleansUp() throws Exception {
    child = startServe(new CountDownLatch(1));
    whileChildRuns(() -> dataDirectories().isEmpty());
    assertThat(dataDirectories()).as("stderr: %s", childErrors()).hasSize(1);
    Path pidFile = dataDirectories().get(0).resolve("postmaster.pid");

    int signal = interrupt(child.pid());
    // the server may still come up while the child shuts down: note it, to check it is gone
    whileChildRuns(
        () -> {
          readPid(pidFile)
              .flatMap(ProcessHandle::of)
              .filter(p -> !postgres.contains(p))
              .ifPresent(postgres::add);
          return true;
        });

    assertStoppedAndCleanedUp(signal);
  }

  private void assertStoppedAndCleanedUp(int signal) throws Exception {
    assertThat(child.waitFor(GUARD_SECONDS, TimeUnit.SECONDS))
        .as("the child exits after the signal")
        .isTrue();
    assertThat(child.exitValue()).as("stderr: %s", childErrors()).isEqualTo(128 + signal);
    assertThat(postgres)
        .as("postgres processes started by the child")
        .noneMatch(ProcessHandle::isAlive);
    assertThat(processesMentioning(tmp))
        .as("processes working in the child's temp folder")
        .isEmpty();
    assertThat(dataDirectories()).as("data directories left in the child's temp folder").isEmpty();
  }

  /** Polls {@code condition} until it is false, the child has exited or the guard expires. */
  private void whileChildRuns(Condition condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
    while (child.isAlive() && condition.holds() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  /** A check that may read files. */
  private interface Condition {
    boolean holds() throws IOException;
  }

  private Process startServe(CountDownLatch ready) throws IOException {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Djava.io.tmpdir=" + tmp,
            "-cp",
            classpath,
            "dev.indexlab.cli.Main",
            "serve",
            "--scale",
            "0.01",
            "-q",
            "--workload",
            Path.of("queries").toAbsolutePath().toString());
    Process p =
        new ProcessBuilder(command).redirectError(tmp.resolve("child-stderr.txt").toFile()).start();
    // standard input stays open: serve runs until it closes or a signal arrives
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (line.equals("ready")) {
                    ready.countDown();
                  }
                }
              } catch (IOException closed) {
                // the child is gone
              }
            },
            "serve-stdout");
    reader.setDaemon(true);
    reader.start();
    return p;
  }

  /**
   * Sends SIGINT, as Ctrl-C does, and returns the signal number. A child that inherited an ignored
   * SIGINT (a build started in the background without job control) gets SIGTERM instead, which
   * takes the same shutdown path in the JVM.
   */
  private static int interrupt(long pid) throws IOException, InterruptedException {
    int signal = ignoresSigint(pid) ? 15 : 2;
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
    assertThat(kill.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as("kill -%d %d", signal, pid).isZero();
    return signal;
  }

  private static boolean ignoresSigint(long pid) throws IOException {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    if (!Files.exists(status)) {
      return false;
    }
    try (Stream<String> lines = Files.lines(status)) {
      return lines
          .filter(l -> l.startsWith("SigIgn:"))
          .map(l -> Long.parseUnsignedLong(l.substring("SigIgn:".length()).trim(), 16))
          .anyMatch(mask -> (mask & (1L << (2 - 1))) != 0);
    }
  }

  private Path onlyDataDirectory() throws IOException {
    List<Path> found = dataDirectories();
    assertThat(found).as("data directories in the child's temp folder").hasSize(1);
    return found.get(0);
  }

  private List<Path> dataDirectories() throws IOException {
    try (Stream<Path> entries = Files.list(tmp)) {
      return entries.filter(p -> p.getFileName().toString().startsWith("indexlab-pg-")).toList();
    }
  }

  private static ProcessHandle postmasterOf(Path dataDirectory) throws IOException {
    long pid =
        readPid(dataDirectory.resolve("postmaster.pid"))
            .orElseThrow(() -> new AssertionError("no postmaster.pid in " + dataDirectory));
    return ProcessHandle.of(pid)
        .orElseThrow(() -> new AssertionError("postmaster " + pid + " is not running"));
  }

  private static Optional<Long> readPid(Path pidFile) {
    try (Stream<String> lines = Files.lines(pidFile)) {
      return lines.findFirst().map(String::trim).filter(s -> s.matches("\\d+")).map(Long::valueOf);
    } catch (IOException | UncheckedIOException absent) {
      return Optional.empty();
    }
  }

  private static List<ProcessHandle> processesMentioning(Path folder) {
    String needle = folder.toString();
    return ProcessHandle.allProcesses()
        .filter(h -> h.info().commandLine().map(c -> c.contains(needle)).orElse(false))
        .toList();
  }

  private String childErrors() {
    try {
      return Files.readString(tmp.resolve("child-stderr.txt"));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
