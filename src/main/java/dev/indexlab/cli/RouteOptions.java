package dev.indexlab.cli;

import dev.indexlab.workload.RouteCatalog;
import dev.indexlab.workload.Workload;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --routes} option of every command that measures or explains routes. */
final class RouteOptions {
  @Option(
      names = "--routes",
      split = ",",
      paramLabel = "ID",
      description = "Routes to include, by file name without .sql (default: all).")
  List<String> ids = List.of();

  /** The route ids given, in order; empty for all. */
  List<String> ids() {
    return ids;
  }

  /** {@code w}'s routes that were given (all when none); an unknown id is a usage error. */
  RouteCatalog select(Workload w) {
    return RouteCatalog.load(w).select(ids);
  }
}
