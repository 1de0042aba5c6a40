package dev.indexlab.cli;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.gate.Baseline;
import dev.indexlab.gate.BaselineFile;
import dev.indexlab.gate.GateRecorder;
import dev.indexlab.gate.GateSettings;
import dev.indexlab.gate.GateSide;
import dev.indexlab.gate.RouteSnapshot;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code indexlab baseline save FILE}: measures the current state and stores it for the gate. */
@Command(
    name = "save",
    mixinStandardHelpOptions = true,
    description = {
      "Measures every route (or the chosen ones) the way 'indexlab gate' does and stores the"
          + " result in FILE: per route the JMH samples (a summary and up to 5,000 samples), and"
          + " per statement its plans and shared buffers over a few parameter draws, cascades"
          + " included.",
      "Exit status: 0 saved, 1 saved but a route failed, or the save itself failed, 2 usage or"
          + " configuration error."
    })
final class BaselineSaveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;
  @Mixin WorkloadOptions workload;
  @Mixin SeedingOptions seeding;
  @Mixin GateMeasureOptions measure;

  @Parameters(index = "0", paramLabel = "FILE", description = "The baseline file to write.")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter progress = QuietLog.of(err, seeding.quiet);
    long start = System.nanoTime();
    OptionChecks.writableFile("baseline file", file);
    measure.checkNumbers();
    Workload w = workload.open();
    measure.routes.select(w); // an unknown id is a usage error before the server starts
    seeding.toOptions();
    GateSettings settings = measure.apply(GateSettings.baselineDefaults());
    Baseline baseline;
    long opening = System.nanoTime();
    try (DatabaseTarget t = target.open()) {
      GateSide.ready(progress, opening);
      GateSide side =
          GateSide.seeded("baseline", t, w, seeding.toOptions(), seeding.progress(), progress);
      baseline =
          new GateRecorder(settings, progress).record(List.of(side), measure.routes()).get(0);
    } catch (RuntimeException e) {
      throw GateCommand.unexpected(e, "baseline save");
    }
    BaselineFile.write(baseline, file);
    List<RouteSnapshot> failed = baseline.routes().stream().filter(r -> !r.measured()).toList();
    failed.forEach(r -> err.println("baseline: " + r.id() + " not measured: " + r.error()));
    out.printf(
        Locale.ROOT,
        "baseline: wrote %s (%d routes, %d failed) in %.1f s%n",
        file,
        baseline.routes().size(),
        failed.size(),
        (System.nanoTime() - start) / 1e9);
    out.flush();
    return failed.isEmpty() ? 0 : IndexlabException.JOB_FAILED;
  }
}
