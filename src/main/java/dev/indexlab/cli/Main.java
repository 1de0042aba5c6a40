package dev.indexlab.cli;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.PgVersion;
import dev.indexlab.db.Secrets;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/** The {@code indexlab} entry point: runs the command line and exits with its status. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs {@code args} and returns the exit code; used by tests to drive the real CLI. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return commandLine(out, err, Arrays.asList(args).contains("--verbose")).execute(args);
  }

  /** The configured command line: usage errors exit 2, job failures 1, one line unless verbose. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean verbose) {
    // for the help texts of --pg-version: the default is the build's bundled version
    System.setProperty("dev.indexlab.pg.default", PgVersion.DEFAULT.toString());
    CommandLine cl = new CommandLine(new IndexlabCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(
        e -> e instanceof IndexlabException ie ? ie.status() : IndexlabException.JOB_FAILED);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println("indexlab: " + Secrets.maskUrl(ex.getMessage()));
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
          e.println("indexlab: " + Secrets.maskUrl(message));
          if (verbose) {
            ex.printStackTrace(e);
          }
          e.flush();
          return ex instanceof IndexlabException ie ? ie.status() : IndexlabException.JOB_FAILED;
        });
    return cl;
  }
}
