package dev.indexlab.cli;

import dev.indexlab.IndexlabException;
import dev.indexlab.capture.Capture;
import dev.indexlab.capture.CaptureSettings;
import dev.indexlab.capture.CaptureSummary;
import dev.indexlab.db.DatabaseTarget;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code indexlab capture}: a workload directory from what a running database recorded. */
@Command(
    name = "capture",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a workload directory from a running database: one route file per statement that"
          + " pg_stat_statements (or, with --log, the server log) recorded, most total time first,"
          + " with parameters sampled from the column each placeholder is compared with (or the"
          + " values the log recorded). Never writes to the database.",
      "Run it with: indexlab run --db URL --workload DIR (docs/workloads.md, \"Capture\").",
      "Exit status: 0 done, 1 no statement above the thresholds, 2 usage."
    })
final class CaptureCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The workload directory to write (new or empty).")
  Path out;

  @Option(
      names = "--top",
      defaultValue = "50",
      paramLabel = "N",
      description = "At most this many statements. Default: ${DEFAULT-VALUE}.")
  int top;

  @Option(
      names = "--min-calls",
      defaultValue = "1",
      paramLabel = "N",
      description = "Pass over statements called fewer times. Default: ${DEFAULT-VALUE}.")
  long minCalls;

  @Option(
      names = "--share",
      defaultValue = "95",
      paramLabel = "PERCENT",
      description =
          "Stop once the statements taken add up to this share of the total execution time."
              + " Default: ${DEFAULT-VALUE}%%.")
  double share;

  @Option(
      names = "--log",
      paramLabel = "FILE",
      description =
          "Read statements, durations and parameter values from this server log (stderr, csvlog"
              + " or jsonlog; log_min_duration_statement or auto_explain) instead of"
              + " pg_stat_statements.")
  Path log;

  @Option(
      names = "--schema",
      description = "Also write schema.sql with pg_dump --schema-only (pg_dump on the PATH).")
  boolean schema;

  @Option(
      names = "--pg-dump",
      paramLabel = "FILE",
      description = "The pg_dump to use for --schema (default: the first on the PATH).")
  Path pgDump;

  @Override
  public Integer call() throws Exception {
    if (!target.db().startsWith("jdbc:postgresql:")) {
      throw IndexlabException.usage(
          "--db "
              + target.db()
              + ": capture reads a running database; give its jdbc:postgresql://host:port/db URL");
    }
    if (top < 1) {
      throw IndexlabException.usage("--top must be at least 1, was " + top);
    }
    if (minCalls < 0) {
      throw IndexlabException.usage("--min-calls must be at least 0, was " + minCalls);
    }
    if (!(share > 0 && share <= 100)) {
      throw IndexlabException.usage("--share must be in (0, 100], was " + share);
    }
    if (log != null && !Files.isRegularFile(log)) {
      throw IndexlabException.usage("--log " + log + ": no such file");
    }
    CaptureSettings settings =
        new CaptureSettings(
            out,
            top,
            minCalls,
            share / 100,
            Optional.ofNullable(log),
            schema,
            Optional.ofNullable(pgDump));
    PrintWriter o = spec.commandLine().getOut();
    CaptureSummary summary;
    try (DatabaseTarget t = target.open()) {
      summary = Capture.run(t.connection(), settings);
    }
    summary.lines().forEach(o::println);
    o.flush();
    return 0;
  }
}
