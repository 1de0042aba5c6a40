package dev.indexlab.db;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What must be undone if indexlab is stopped half-way (SIGINT, SIGTERM): copy databases to drop, an
 * in-place candidate to revert, the embedded server to stop, a connection file to delete. Whoever
 * creates such a thing {@link #register registers} how to undo it and closes the registration once
 * it has undone it the ordinary way. On a signal, {@link #stop} runs what is still registered, the
 * newest first (a copy is dropped before the server it lives on is stopped), each once.
 *
 * <p>Hazard: {@link #stop} runs on the signal's thread while the command's own thread goes on; so
 * it first raises {@link #stopping()}, which the places that start new work (a JMH fork, the next
 * route) check, and actions must not wait for locks the command's thread may hold.
 */
public final class ExitCleanup {
  /** Undoes one thing; returns what it did, in a few words for the interruption's line. */
  @FunctionalInterface
  public interface Action {
    String undo() throws Exception;
  }

  /** One registered action; closing it (the thing was undone the ordinary way) removes it. */
  public static final class Registration implements AutoCloseable {
    private final Action action;

    private Registration(Action action) {
      this.action = action;
    }

    @Override
    public void close() {
      synchronized (ExitCleanup.class) {
        ACTIONS.remove(this);
      }
    }
  }

  private static final Deque<Registration> ACTIONS = new ArrayDeque<>();
  private static volatile boolean stopping;
  private static volatile String activity = "starting";

  private ExitCleanup() {}

  /** Registers {@code action}; close the registration when the thing was undone anyway. */
  public static synchronized Registration register(Action action) {
    Registration r = new Registration(action);
    ACTIONS.push(r);
    return r;
  }

  /** Says what the command is doing now, for the line an interruption prints. */
  public static void activity(String what) {
    activity = what;
  }

  public static String activity() {
    return activity;
  }

  /** True once a signal asked indexlab to stop: start no new work. */
  public static boolean stopping() {
    return stopping;
  }

  /**
   * Raises {@link #stopping()} and runs every registered action, newest first. Returns what was
   * done, and for an action that failed, what failed; never throws.
   */
  public static List<String> stop() {
    stopping = true;
    List<String> done = new ArrayList<>();
    while (true) {
      Registration next;
      synchronized (ExitCleanup.class) {
        next = ACTIONS.poll();
      }
      if (next == null) {
        return done;
      }
      try {
        String what = next.action.undo();
        if (what != null && !what.isBlank()) {
          done.add(what);
        }
      } catch (Exception e) {
        done.add("FAILED: " + Secrets.maskAll(String.valueOf(e.getMessage())));
      }
    }
  }
}
