package dev.indexlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root command: a list of subcommands, one per step of the pipeline. */
@Command(
    name = "indexlab",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Measures which indexes and query rewrites make a PostgreSQL application fast.",
    subcommands = {
      RunCommand.class,
      CaptureCommand.class,
      SeedCommand.class,
      ChecksumCommand.class,
      CheckCommand.class,
      BenchCommand.class,
      ExplainCommand.class,
      ReportCommand.class,
      SeedBenchmarkCommand.class,
      ServeCommand.class,
      AdviseCommand.class,
      BaselineCommand.class,
      GateCommand.class,
      DoctorCommand.class,
      UpgradeCheckCommand.class,
    })
final class IndexlabCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required");
  }
}
