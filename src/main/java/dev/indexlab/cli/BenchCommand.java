package dev.indexlab.cli;

import dev.indexlab.IndexlabException;
import dev.indexlab.bench.BenchRunner;
import dev.indexlab.bench.BenchSettings;
import dev.indexlab.bench.PgbenchExport;
import dev.indexlab.bench.ResultTable;
import dev.indexlab.bench.RouteSelection;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.seed.SeedInfo;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.seed.SeedResult;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteCatalog;
import dev.indexlab.workload.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code indexlab bench}: measures every route (or the chosen ones) under JMH. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures each route's latency under JMH against the seeded database and prints a table.",
      "Each invocation runs the route's statements in one transaction, rolled back unless"
          + " --commit. Results: RESULTS/SCENARIO/bench.json (indexlab's), jmh.json (JMH's),"
          + " jmh.log (JMH's console output).",
      "Exit status: 0 all measured, 1 a route failed, 2 usage (an unknown --routes name)."
    })
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;
  @Mixin WorkloadOptions workload;
  @Mixin SeedingOptions seeding;
  @Mixin ProfileOptions profile;

  @Mixin RouteOptions routes;

  @Option(
      names = "--threads",
      defaultValue = "1",
      paramLabel = "N",
      description = "Concurrent clients (JMH threads), one connection each. Default: 1.")
  int threads;

  @Option(
      names = "--commit",
      description = "Commit every invocation instead of rolling it back: CHANGES THE DATA.")
  boolean commit;

  @Option(
      names = "--parameter-sets",
      defaultValue = "1000",
      paramLabel = "N",
      description = "Parameter sets drawn per route before measuring. Default: ${DEFAULT-VALUE}.")
  int parameterSets;

  @Option(
      names = "--scenario",
      defaultValue = "baseline",
      paramLabel = "NAME",
      description = "Scenario name: results go to RESULTS/NAME/. Default: ${DEFAULT-VALUE}.")
  String scenario;

  @Option(
      names = "--results",
      defaultValue = "results",
      paramLabel = "DIR",
      description = "Results folder. Default: ${DEFAULT-VALUE}.")
  Path results;

  @Option(
      names = "--export-pgbench",
      paramLabel = "DIR",
      description =
          "Do not measure: write each chosen route as a pgbench script over the same parameter"
              + " sets (DIR/ROUTE.pgbench.sql, DIR/ROUTE.parameters.json).")
  Path exportPgbench;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = QuietLog.of(spec.commandLine().getErr(), seeding.quiet);
    Workload w = workload.open();
    RouteCatalog catalog = RouteCatalog.load(w);
    catalog.select(routes.ids()); // an unknown id is a usage error before anything starts
    RouteSelection chosen = RouteSelection.of(catalog, routes.ids());
    OptionChecks.atLeast("--threads", threads, 1);
    OptionChecks.atLeast("--parameter-sets", parameterSets, 1);
    OptionChecks.writableDirectory("--results", results);
    if (exportPgbench != null) {
      OptionChecks.writableDirectory("--export-pgbench", exportPgbench);
    }
    SeedOptions data = seeding.toOptions();
    BenchSettings settings =
        new BenchSettings(
            profile.profile(),
            threads,
            commit,
            data.seed(),
            parameterSets,
            null,
            scenario,
            results);
    long start = System.nanoTime();
    try (DatabaseTarget t = target.open()) {
      SeedResult seeded = seeding.open(t, w);
      if (!seeded.reused()) { // a reuse was already said by the seeding progress
        err.println("bench: " + seeded.note());
      }
      ConnectionSpec db = seeded.connection();
      settings = settings.withScale(seeded.info().map(SeedInfo::scale).orElse(null));
      if (exportPgbench != null) {
        return export(db, chosen, data.seed(), out);
      }
      BenchRunner.Outcome o =
          new BenchRunner(db, t.description(), t.appliedSettings(), w, settings, err)
              .run(routes.ids());
      out.print(ResultTable.render(o.results()));
      out.printf(
          Locale.ROOT,
          "results: %s, %s; wall time %.1f s (measuring %.1f s)%n",
          o.benchJson(),
          o.jmhJson(),
          (System.nanoTime() - start) / 1e9,
          o.results().wallSeconds());
      out.flush();
      return o.exitCode();
    }
  }

  private int export(ConnectionSpec db, RouteSelection chosen, long seed, PrintWriter out) {
    chosen.problems().forEach(p -> out.println("skipped " + p.route() + ": " + p.message()));
    try (Connection c = db.open()) {
      for (Route r : chosen.routes()) {
        PgbenchExport.Written w =
            PgbenchExport.write(c, r, seed, parameterSets, commit, exportPgbench, FlagNames::flag);
        out.println("wrote " + w.script() + " and " + w.parameters());
      }
    } catch (SQLException | IOException e) {
      throw IndexlabException.failed("--export-pgbench " + exportPgbench + ": " + e, e);
    }
    return chosen.problems().isEmpty() ? 0 : IndexlabException.JOB_FAILED;
  }
}
