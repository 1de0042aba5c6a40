package dev.indexlab.cli;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.explain.FindingsFile;
import dev.indexlab.explain.RouteCapture;
import dev.indexlab.results.Finding;
import dev.indexlab.results.RunResults;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteCatalog;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code indexlab explain}: EXPLAIN (ANALYZE, BUFFERS) of every route statement, with findings. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Captures EXPLAIN (ANALYZE, BUFFERS, SETTINGS, WAL) of every statement of every route with"
          + " sampled parameters, each inside a transaction that is rolled back: no row changes.",
      "Foreign-key triggers that dominate a statement are drilled into: the statement their"
          + " action runs is explained with the real key value.",
      "Writes PLANS/SCENARIO/ROUTE/NN-statement.json (pev2-loadable) and .txt, and"
          + " PLANS/SCENARIO/findings.json and findings.md.",
      "Exit status: 0 all captured, 1 a route or statement failed, 2 usage."
    })
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;
  @Mixin WorkloadOptions workload;
  @Mixin SeedingOptions seeding;

  @Mixin RouteOptions routes;

  @Mixin DrawsOption draws;

  @Option(
      names = "--plans",
      defaultValue = "plans",
      paramLabel = "DIR",
      description = "Where plans go. Default: ${DEFAULT-VALUE}.")
  Path plans;

  @Option(
      names = "--scenario",
      defaultValue = "baseline",
      paramLabel = "NAME",
      description = "Scenario name (a folder under --plans). Default: ${DEFAULT-VALUE}.")
  String scenario;

  @Override
  public Integer call() throws SQLException {
    int drawCount = draws.value();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Workload w = workload.open();
    RouteCatalog catalog = routes.select(w);
    OptionChecks.writableDirectory("--plans", plans);
    catalog.problems().forEach(p -> err.println("indexlab: " + p.text()));
    Path dir = plans.resolve(scenario);
    int failed = catalog.problems().size();
    List<Finding> findings = new ArrayList<>();
    try (DatabaseTarget t = target.open()) {
      ConnectionSpec db = seeding.open(t, w).connection();
      RouteCapture capture = new RouteCapture(drawCount, seeding.toOptions().seed());
      try (Connection c = db.open()) {
        for (Route r : catalog.routes()) {
          RouteCapture.Result result;
          try {
            result = capture.capture(c, r, dir, null);
          } catch (IndexlabException e) {
            err.println("indexlab: " + e.getMessage());
            failed++;
            continue;
          }
          print(out, r, result);
          findings.addAll(result.findings());
          if (result.error() != null
              || result.statements().stream().anyMatch(s -> s.error() != null)) {
            failed++;
          }
        }
      }
    }
    Path file = FindingsFile.write(dir, scenario, findings);
    out.printf(Locale.ROOT, "plans: %s; findings: %s (%d)%n", dir, file, findings.size());
    out.flush();
    return failed == 0 ? 0 : IndexlabException.JOB_FAILED;
  }

  private static void print(PrintWriter out, Route r, RouteCapture.Result result) {
    out.printf(Locale.ROOT, "%s  %s%n", r.id(), r.name());
    for (RunResults.StatementCapture s : result.statements()) {
      if (s.error() != null) {
        out.printf(Locale.ROOT, "  %d. %s: FAILED %s%n", s.index() + 1, s.label(), s.error());
        continue;
      }
      out.printf(
          Locale.ROOT,
          "  %d. %-44s %9.3f ms (%.3f–%.3f)  buffers %,d%n",
          s.index() + 1,
          s.label(),
          s.medianExecutionMs(),
          s.minExecutionMs(),
          s.maxExecutionMs(),
          s.sharedBuffers());
      for (RunResults.Trigger tr : s.triggers()) {
        out.printf(
            Locale.ROOT,
            "       trigger %s on %s: %.3f ms, %d calls%n",
            tr.name(),
            tr.relation(),
            tr.timeMs(),
            tr.calls());
      }
      for (RunResults.DrillDown d : s.drillDowns()) {
        printDrill(out, d, "       ");
      }
    }
    for (Finding f : result.findings()) {
      out.println("  ! " + f.kind() + ": " + f.message());
    }
    if (result.error() != null) {
      out.println("  FAILED: " + result.error());
    }
  }

  private static void printDrill(PrintWriter out, RunResults.DrillDown d, String indent) {
    out.printf(
        Locale.ROOT,
        "%s↳ %s: %s%s%n",
        indent,
        d.constraint(),
        d.sql() == null ? "" : d.sql().replaceAll("\\s+", " "),
        drillTime(d));
    for (RunResults.DrillDown n : d.nested()) {
      printDrill(out, n, indent + "  ");
    }
  }

  /**
   * {@code " 0.123 ms"} when the drill-down's statement was analyzed; nothing when it was not (an
   * INSERT's foreign-key check has no deleted row whose key could be replayed, so its statement is
   * shown without a time).
   */
  static String drillTime(RunResults.DrillDown d) {
    return Double.isFinite(d.executionMs())
        ? String.format(Locale.ROOT, "  %.3f ms", d.executionMs())
        : "";
  }
}
