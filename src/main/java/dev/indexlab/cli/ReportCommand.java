package dev.indexlab.cli;

import dev.indexlab.report.ReportWriter;
import dev.indexlab.report.RunResultsJson;
import dev.indexlab.results.RunResults;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code indexlab report}: rebuilds the markdown report from a saved results directory ({@code
 * results.json} and the plan files it names) without touching any database.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Rebuild the markdown report (summary, write-ups, charts) from saved results, without a"
            + " database.")
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      defaultValue = "reports",
      paramLabel = "RESULTS_DIR",
      description =
          "Directory holding results.json and its plan files (default: ${DEFAULT-VALUE}).")
  Path from;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write the report (default: the --from directory).")
  Path out;

  @Option(names = "--verbose", description = "Print stack traces and debug details.")
  boolean verbose;

  @Override
  public Integer call() {
    Path target = out == null ? from : out;
    OptionChecks.writableDirectory(out == null ? "--from" : "--out", target);
    RunResults results = RunResultsJson.read(from.resolve(RunResultsJson.FILE_NAME));
    List<String> files = new ReportWriter(results, from, FlagNames::flag).writeTo(target);
    spec.commandLine()
        .getOut()
        .println(
            "indexlab: wrote "
                + files.size()
                + " files to "
                + target
                + " (summary: "
                + target.resolve(ReportWriter.SUMMARY)
                + ")");
    return 0;
  }
}
