package dev.indexlab.gate;

import dev.indexlab.IndexlabException;
import dev.indexlab.bench.JmhLauncher;
import java.io.PrintWriter;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

/**
 * JMH allows one run per machine at a time: a second one finds JMH's lock file taken and refuses to
 * start. On a shared machine or CI runner the gate waits for its turn instead of failing a route.
 */
final class JmhLockWait {
  /** How long to wait for another JMH run to release JMH's lock: 5 minutes. */
  static final long LOCK_WAIT_MS = 5 * 60_000;

  private JmhLockWait() {}

  /**
   * Runs JMH, waiting while another JMH run on this machine holds JMH's lock file (JMH refuses to
   * start then). Two measurements at once would disturb each other; after {@link #LOCK_WAIT_MS} the
   * run fails as an infrastructure error. {@code -Djmh.ignoreLock=true} skips the lock.
   */
  static RunResult run(JmhLauncher launcher, String id, PrintWriter progress)
      throws RunnerException {
    long deadline = System.currentTimeMillis() + LOCK_WAIT_MS;
    boolean told = false;
    while (true) {
      try {
        return launcher.run(id);
      } catch (RunnerException e) {
        if (!String.valueOf(e.getMessage()).contains("JMH lock")) {
          throw e;
        }
        if (System.currentTimeMillis() > deadline) {
          throw new IndexlabException(
              IndexlabException.USAGE,
              "another JMH run on this machine held JMH's lock file for "
                  + LOCK_WAIT_MS / 60_000
                  + " minutes; run the gate alone, or pass -Djmh.ignoreLock=true to the JVM",
              e);
        }
        if (!told) {
          progress.println(
              "gate: waiting for another JMH run on this machine to finish (JMH's lock) ...");
          progress.flush();
          told = true;
        }
        try {
          Thread.sleep(500);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IndexlabException(IndexlabException.USAGE, "interrupted", ie);
        }
      }
    }
  }
}
