package dev.indexlab.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An indexlab command run in a JVM of its own, as a user runs it ({@code Main.main}: signal
 * handling, the sweep on the way in, {@code System.exit}), with the fault suite's environment (a
 * {@link dev.indexlab.db.FaultPoint}) and its output captured to files.
 */
record Child(int status, String out, String err, Duration took, long pid) {
  static final Duration LIMIT = Duration.ofSeconds(90);

  static Child run(Path dir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return start(dir, env, args).finish();
  }

  /** A started command; {@link #finish} waits for it. */
  record Started(Process process, Path out, Path err, long startNanos, List<String> args) {
    Child finish() throws IOException, InterruptedException {
      if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError(
            "indexlab "
                + String.join(" ", args)
                + " did not end in "
                + LIMIT
                + ":\n"
                + Files.readString(err));
      }
      return new Child(
          process.exitValue(),
          Files.readString(out),
          Files.readString(err),
          Duration.ofNanos(System.nanoTime() - startNanos),
          process.pid());
    }
  }

  static Started start(Path dir, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-Djmh.ignoreLock=true"); // other builds on the machine may hold JMH's lock
    command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.indexlab.cli.Main");
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out-", ".txt");
    Path err = Files.createTempFile(dir, "err-", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    pb.environment().putAll(env);
    long start = System.nanoTime();
    return new Started(pb.start(), out, err, start, List.of(args));
  }

  /** The lines of standard error. */
  List<String> errLines() {
    return err.lines().toList();
  }
}
