package dev.indexlab.cli;

import dev.indexlab.IndexlabException;
import dev.indexlab.check.CheckReport;
import dev.indexlab.check.WorkloadChecker;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code indexlab check}: validates a workload (route files, candidates, schema, data, every
 * statement) and prints every problem as {@code file:line: message}, then a summary line. Exit 0
 * when clean, 2 when any problem.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Validates a workload before running it: parses every route file and candidate, loads the"
          + " schema and data into a scratch database (dropped afterwards), and has the server"
          + " prepare every route statement and sampling query.",
      "Prints every problem as FILE:LINE: MESSAGE, then a summary. Exit 0 when clean, 2 when"
          + " any problem. On a JDBC URL the scratch database is created only when the role may"
          + " create databases; the database the URL names is never written to."
    })
final class CheckCommand implements Callable<Integer> {
  @Mixin WorkloadOptions workload;
  @Mixin TargetOptions target;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Workload w = workload.open();
    CheckReport report;
    try (DatabaseTarget t = target.open()) {
      report = WorkloadChecker.check(w, t);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (target.verbose()) {
      report.notes().forEach(n -> out.println("note: " + n));
    }
    report.problems().forEach(err::println);
    if (report.ok()) {
      out.println(report.summary());
    } else {
      err.println(report.summary());
    }
    out.flush();
    err.flush();
    return report.ok() ? 0 : IndexlabException.USAGE;
  }
}
