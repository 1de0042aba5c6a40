package dev.indexlab.cli;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ExitCleanup;
import dev.indexlab.db.Leftovers;
import dev.indexlab.db.PgVersion;
import dev.indexlab.db.Secrets;
import dev.indexlab.db.ServerLoss;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/** The {@code indexlab} entry point: runs the command line and exits with its status. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Interruption interruption = Interruption.install();
    // doctor does this itself, and says so on standard output
    List<String> swept =
        args.length > 0 && args[0].equals("doctor") ? List.of() : Leftovers.sweepTemp();
    if (!swept.isEmpty()) {
      System.err.println(
          "indexlab: cleaned up after an indexlab that was killed: " + String.join("; ", swept));
    }
    int status = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    interruption.awaitIfStopping();
    System.exit(status);
  }

  /** Runs {@code args} and returns the exit code; used by tests to drive the real CLI. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    ExitCleanup.activity(args.length == 0 ? "starting" : "running indexlab " + args[0]);
    ThirdPartyLogging.configure(verbose);
    return commandLine(out, err, verbose).execute(args);
  }

  /** The configured command line: usage errors exit 2, job failures 1, one line unless verbose. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean verbose) {
    // for the help texts of --pg-version: the default is the build's bundled version
    System.setProperty("dev.indexlab.pg.default", PgVersion.DEFAULT.toString());
    CommandLine cl = new CommandLine(new IndexlabCommand());
    cl.setOut(FlagNames.rendering(out));
    cl.setErr(FlagNames.rendering(err));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(
        e -> e instanceof IndexlabException ie ? ie.status() : IndexlabException.JOB_FAILED);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println("indexlab: " + Secrets.maskAll(ex.getMessage()));
          ex.getCommandLine()
              .getErr()
              .println(
                  "Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return IndexlabException.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter e = commandLine.getErr();
          String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
          Optional<String> lost = serverStopped(ex);
          if (lost.isPresent() && !(ex instanceof IndexlabException)) {
            message = ServerLoss.PREFIX + lost.get();
          }
          e.println("indexlab: " + Secrets.maskAll(message));
          if (verbose) {
            // a driver's cause may quote the URL or the password: mask the whole trace
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            e.print(Secrets.maskAll(trace.toString()));
          }
          e.flush();
          return ex instanceof IndexlabException ie ? ie.status() : IndexlabException.JOB_FAILED;
        });
    return cl;
  }

  /**
   * The driver's message when {@code ex} was caused by a connection the server closed or refused
   * (SQLSTATE class 08, or 57P: the server shutting down), else empty.
   */
  static Optional<String> serverStopped(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P")) {
          return Optional.of(String.valueOf(sql.getMessage()).split("\\R", 2)[0]);
        }
      }
    }
    return Optional.empty();
  }
}
