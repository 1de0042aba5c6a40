package dev.indexlab.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The running postmaster of a data directory, found through its {@code postmaster.pid}. {@code
 * pg_ctl start} detaches the server into its own session, so it is no child of the JVM and only
 * this file says which process it is. The waits here ignore interrupts (and restore the flag): they
 * run on the way out, where giving up early would leave a server behind.
 */
final class Postmaster {
  private final ProcessHandle process;

  private Postmaster(ProcessHandle process) {
    this.process = process;
  }

  /**
   * The live postmaster of {@code dataDirectory}, or empty when none runs there (no pid file: not
   * started yet, initdb failed, or the server has exited and removed it).
   */
  static Optional<Postmaster> of(Path dataDirectory) {
    String firstLine;
    try (BufferedReader in = Files.newBufferedReader(dataDirectory.resolve("postmaster.pid"))) {
      firstLine = in.readLine();
    } catch (IOException absent) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(firstLine == null ? "" : firstLine.trim());
    } catch (NumberFormatException halfWritten) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(h -> h.info().command().map(c -> c.endsWith("postgres")).orElse(true))
        .map(Postmaster::new);
  }

  /** Runs {@code action} when the process exits, on another thread. */
  void onExit(Runnable action) {
    process.onExit().thenRun(action);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits up to {@code limit} for the process to be gone; true when it is. */
  boolean awaitExit(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    boolean interrupted = false;
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        try {
          process.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
          return true;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (TimeoutException e) {
          return !process.isAlive();
        } catch (ExecutionException e) {
          return !process.isAlive();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Ends a server that did not stop when asked: SIGTERM (PostgreSQL's smart shutdown), then SIGKILL
   * for the postmaster and its backends. True when the postmaster is gone.
   */
  boolean terminate(Duration grace) {
    process.destroy();
    if (awaitExit(grace)) {
      return true;
    }
    List<ProcessHandle> backends = process.descendants().toList();
    process.destroyForcibly();
    backends.forEach(ProcessHandle::destroyForcibly);
    return awaitExit(grace);
  }
}
