package dev.indexlab.cli;

import dev.indexlab.db.ExitCleanup;
import dev.indexlab.db.ServerLoss;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;

/**
 * What SIGINT (Ctrl-C) and SIGTERM do to an indexlab command: stop measuring at once (JMH forks are
 * ended, none is started), undo what {@link ExitCleanup} holds (copy databases dropped, an in-place
 * candidate reverted, the embedded server stopped, connection files deleted), print one line saying
 * what was interrupted and what was cleaned, and exit 130 (SIGINT) or 143 (SIGTERM). The command's
 * own output is muted from the signal on: the failures the command's thread meets once its
 * connections and forks are gone are consequences of the stop, not findings. A second signal while
 * cleaning up exits at once. The loss of the server ({@link ServerLoss}) ends a command the same
 * way, with exit status 1.
 */
final class Interruption {
  private final PrintStream console;
  private final Muting out;
  private final Muting err;
  private volatile boolean handling;

  private Interruption(PrintStream console, Muting out, Muting err) {
    this.console = console;
    this.out = out;
    this.err = err;
  }

  /**
   * Puts muting streams in place of {@code System.out} and {@code System.err} and handles INT and
   * TERM; call before anything writes.
   */
  static Interruption install() {
    PrintStream realErr = System.err;
    Muting out = new Muting(System.out);
    Muting err = new Muting(realErr);
    System.setOut(new PrintStream(out, true));
    System.setErr(new PrintStream(err, true));
    Interruption i = new Interruption(realErr, out, err);
    Signal.handle(new Signal("INT"), s -> i.stop("interrupted by SIGINT", 130));
    Signal.handle(new Signal("TERM"), s -> i.stop("interrupted by SIGTERM", 143));
    ServerLoss.onLoss(why -> i.stop(ServerLoss.PREFIX + why, 1));
    return i;
  }

  /**
   * Called by {@code main} before it exits: while a signal is being handled, the command's thread
   * must not exit with its own status (its failures are the stop's doing); it waits for the handler
   * to end the process.
   */
  void awaitIfStopping() {
    while (handling) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        // keep waiting: the handler ends the process
      }
    }
  }

  /**
   * Ends the command: {@code what} happened (a signal, the server's loss), so the line says it,
   * what the command was doing, and what was cleaned; then exits with {@code status}.
   */
  private void stop(String what, int status) {
    if (handling) {
      Runtime.getRuntime().halt(status);
    }
    handling = true;
    String activity = ExitCleanup.activity();
    out.mute();
    err.mute();
    int forks = endChildProcesses();
    List<String> cleaned = new ArrayList<>(ExitCleanup.stop());
    forks += endChildProcesses();
    if (status == 1) {
      // what lived on the lost server went with it: its copies cannot be dropped, nor need be
      cleaned.removeIf(c -> c.startsWith("FAILED"));
    }
    StringBuilder line =
        new StringBuilder("indexlab: ")
            .append(what)
            .append(" while ")
            .append(activity)
            .append("; ");
    if (forks > 0) {
      cleaned.add(0, "ended " + forks + " JMH fork" + (forks == 1 ? "" : "s"));
    }
    line.append(cleaned.isEmpty() ? "nothing to clean up" : String.join("; ", cleaned));
    console.println(line);
    console.flush();
    Runtime.getRuntime().halt(status);
  }

  /** Ends the JVM's child JVMs (JMH forks) and waits for them; returns how many. */
  private static int endChildProcesses() {
    List<ProcessHandle> children =
        ProcessHandle.current()
            .children()
            .filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(true))
            .toList();
    children.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle h : children) {
      try {
        h.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        // gone or going; the exit does not wait longer
      }
    }
    return children.size();
  }

  /** An output stream that drops everything once muted. */
  static final class Muting extends OutputStream {
    private final OutputStream target;
    private volatile boolean muted;

    Muting(OutputStream target) {
      this.target = target;
    }

    void mute() {
      muted = true;
    }

    @Override
    public void write(int b) throws java.io.IOException {
      if (!muted) {
        target.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      if (!muted) {
        target.write(b, off, len);
      }
    }

    @Override
    public void flush() throws java.io.IOException {
      if (!muted) {
        target.flush();
      }
    }
  }
}
