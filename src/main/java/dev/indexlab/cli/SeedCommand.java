package dev.indexlab.cli;

import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.seed.LoadReport;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.seed.SeedPlan;
import dev.indexlab.seed.SeedResult;
import dev.indexlab.seed.SeededDatabase;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code indexlab seed}: creates the schema and loads the workload's data, then prints counts. */
@Command(
    name = "seed",
    mixinStandardHelpOptions = true,
    description = {
      "Creates the workload's schema and loads its data (SongStackify: generated from --seed at"
          + " --scale), then prints the rows per table and the load time.",
      "On a server given by a JDBC URL, nothing is written without --force."
    })
final class SeedCommand implements Callable<Integer> {
  @Mixin TargetOptions target;
  @Mixin WorkloadOptions workload;
  @Mixin SeedingOptions seeding;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Workload w = workload.open();
    SeedOptions options = seeding.toOptions();
    SeededDatabase.expectedRows(w, options); // bad options fail before a server starts
    PrintWriter out = spec.commandLine().getOut();
    try (DatabaseTarget t = target.open()) {
      SeedResult result = SeededDatabase.seed(t, w, options, seeding.progress());
      out.println(result.note());
      result.load().ifPresent(report -> print(out, report));
      if (t.kind().equals("embedded")) {
        out.println(
            "(the embedded server and its data are removed when indexlab exits; seed a server of"
                + " your own with --db jdbc:postgresql://... --force to keep them)");
      }
      out.flush();
    }
    return 0;
  }

  static void print(PrintWriter out, LoadReport report) {
    out.printf(Locale.ROOT, "%-26s %12s%n", "table", "rows");
    for (Map.Entry<String, Long> e : report.rows().entrySet()) {
      out.printf(Locale.ROOT, "%-26s %,12d%n", e.getKey(), e.getValue());
    }
    long total = report.totalRows();
    Long moods = report.rows().get("user_moods");
    out.printf(Locale.ROOT, "%-26s %,12d", "total", total);
    if (moods != null) {
      out.printf(
          Locale.ROOT,
          "  (%,d without user_moods; the write-up's scale-1 total is %,d)",
          total - moods,
          SeedPlan.WRITE_UP_TOTAL);
    }
    out.println();
    StringBuilder phases = new StringBuilder();
    report
        .phaseNanos()
        .forEach(
            (phase, nanos) ->
                phases
                    .append(phases.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.2f s", phase, nanos / 1e9)));
    out.printf(Locale.ROOT, "load time: %.2f s (%s)%n", report.totalNanos() / 1e9, phases);
  }
}
