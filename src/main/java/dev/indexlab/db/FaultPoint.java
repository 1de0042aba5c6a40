package dev.indexlab.db;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A test hook for the fault suite: when the environment variable {@value #AT} names a point that a
 * command reaches, the process sends itself {@value #SIGNAL} (default INT) there, as a user's
 * Ctrl-C at that moment would; the points are {@code seed-table} (a table of the seed loaded),
 * {@code copy-created} (a scenario copy made), {@code candidate-applied} (a candidate's migrations
 * applied) and {@code jmh-fork} (a JMH fork set up; the fork signals its parent, the indexlab
 * process). The signal is sent once per process, at the first point of that name. Without the
 * variable, {@link #reached} does nothing.
 */
public final class FaultPoint {
  /** The environment variable naming the point. */
  public static final String AT = "INDEXLAB_FAULT_AT";

  /** The environment variable naming the signal: INT (default), TERM or KILL. */
  public static final String SIGNAL = "INDEXLAB_FAULT_SIGNAL";

  /** The environment variable naming a file the process at the point writes its id into. */
  public static final String RECORD = "INDEXLAB_FAULT_RECORD";

  private static final java.util.concurrent.atomic.AtomicBoolean FIRED =
      new java.util.concurrent.atomic.AtomicBoolean();

  private FaultPoint() {}

  /** Sends the signal when {@code point} is the one named; waits a while for it to act. */
  public static void reached(String point) {
    if (!point.equals(System.getenv(AT)) || !FIRED.compareAndSet(false, true)) {
      return;
    }
    boolean inFork = System.getProperty("sun.java.command", "").contains("ForkedMain");
    if (point.equals("jmh-fork") != inFork) {
      return;
    }
    long target =
        inFork
            ? ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L)
            : ProcessHandle.current().pid();
    if (target < 0) {
      return;
    }
    String signal = System.getenv().getOrDefault(SIGNAL, "INT");
    try {
      String record = System.getenv(RECORD);
      if (record != null) {
        java.nio.file.Files.writeString(
            java.nio.file.Path.of(record), Long.toString(ProcessHandle.current().pid()));
      }
      new ProcessBuilder("kill", "-" + signal, Long.toString(target)).inheritIO().start().waitFor();
      if (!inFork) {
        TimeUnit.SECONDS.sleep(30); // the signal's handler ends the process meanwhile
      }
    } catch (IOException e) {
      throw new IllegalStateException("fault point " + point + ": cannot send the signal", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
