package dev.indexlab.cli;

import dev.indexlab.workload.Workload;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --workload} option: the directory holding schema, routes and candidates. */
final class WorkloadOptions {
  @Option(
      names = {"--workload", "--queries"},
      defaultValue = "queries",
      paramLabel = "DIR",
      description = "Workload directory: schema, routes, candidates (default: ${DEFAULT-VALUE}).")
  Path directory;

  public Workload open() {
    return Workload.open(directory);
  }

  public Path directory() {
    return directory;
  }
}
