package dev.indexlab.cli;

import dev.indexlab.IndexlabException;
import dev.indexlab.advise.AdviceTable;
import dev.indexlab.advise.AdviseRun;
import dev.indexlab.advise.CandidateWriter;
import dev.indexlab.advise.ExplainFindings;
import dev.indexlab.advise.PlanFinding;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.explain.FindingsFile;
import dev.indexlab.seed.Progress;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.seed.SeededDatabase;
import dev.indexlab.workload.RouteCatalog;
import dev.indexlab.workload.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code indexlab advise}: proposes candidate indexes (and drops) with their reasons, checks each
 * with a what-if (EXPLAIN before and after, rolled back) and writes the candidate folders.
 */
@Command(
    name = "advise",
    mixinStandardHelpOptions = true,
    description = {
      "Proposes indexes for unindexed foreign keys and for the plan findings, flags redundant"
          + " and unused indexes, checks each proposal with a what-if (EXPLAIN before and after"
          + " creating it in a rolled-back transaction) and writes them as candidate migrations.",
      "Hand-written candidates already in the folder are kept."
    })
final class AdviseCommand implements Callable<Integer> {
  /** Where {@code indexlab advise} looks for findings when {@code --findings} is not given. */
  static final Path DEFAULT_FINDINGS = Path.of("plans", "baseline", "findings.json");

  @Mixin TargetOptions target;
  @Mixin WorkloadOptions workload;
  @Spec CommandSpec spec;

  @Mixin ScaleSeedOptions data;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write candidate folders (default: the workload's candidates/).")
  Path out;

  @Option(
      names = "--findings",
      paramLabel = "FILE",
      description =
          "The findings.json that indexlab explain (and each scenario of indexlab run) writes"
              + " beside its plans; default: plans/baseline/findings.json (where indexlab explain"
              + " writes it) when it exists.")
  Path findings;

  @Option(
      names = "--invocations",
      defaultValue = "20",
      paramLabel = "N",
      description =
          "Runs of each route (rolled back) to sample statements and index usage; 0 skips the"
              + " workload (default: ${DEFAULT-VALUE}).")
  int invocations;

  @Option(names = "--no-what-if", description = "Skip the what-if EXPLAINs.")
  boolean noWhatIf;

  @Option(
      names = "--force",
      description =
          "On a JDBC URL target: allow the what-if and the workload sample (they build indexes and"
              + " run routes in transactions that are rolled back, holding locks meanwhile).")
  boolean force;

  @Override
  public Integer call() throws IOException, SQLException {
    if (invocations < 0) {
      throw IndexlabException.usage("--invocations must be >= 0, was " + invocations);
    }
    Workload w = workload.open();
    Path candidates = out != null ? out : w.candidates();
    List<PlanFinding> planFindings = readFindings();
    RouteCatalog routes = RouteCatalog.load(w);
    PrintWriter err = spec.commandLine().getErr();
    routes.problems().forEach(p -> err.println("indexlab: skipping route: " + p.text()));
    try (DatabaseTarget t = target.open()) {
      boolean mayWrite = t.ownsServer() || force;
      if (!mayWrite) {
        err.println(
            "indexlab: "
                + t.description()
                + " is not indexlab's own server: reading the catalog only; pass --force to run"
                + " the workload sample and the what-if (rolled back)");
      }
      ConnectionSpec db = prepare(t, w);
      AdviseRun.Settings settings =
          new AdviseRun.Settings(
              candidates,
              CandidateWriter.versionBase(w.migrations()),
              data.seed,
              mayWrite ? invocations : 0,
              2,
              mayWrite && !noWhatIf);
      AdviseRun.Outcome outcome = AdviseRun.run(db, routes.routes(), planFindings, settings);
      PrintWriter o = spec.commandLine().getOut();
      o.print(AdviceTable.render(outcome, candidates));
      o.flush();
    }
    return 0;
  }

  private List<PlanFinding> readFindings() {
    if (findings != null) {
      if (!Files.isRegularFile(findings)) {
        throw IndexlabException.usage("--findings " + findings + ": no such file");
      }
      return ExplainFindings.of(FindingsFile.read(findings));
    }
    return Files.isRegularFile(DEFAULT_FINDINGS)
        ? ExplainFindings.of(FindingsFile.read(DEFAULT_FINDINGS))
        : List.of();
  }

  /**
   * The database to advise on. On a user's server (JDBC URL): its database as it is, never written.
   * On a server indexlab owns: database {@code indexlab} from the seed step, seeded at --scale and
   * --seed or reused when it already holds that seed. advise never replaces rows (that is {@code
   * indexlab seed --force}).
   */
  private ConnectionSpec prepare(DatabaseTarget t, Workload w) {
    if (!t.ownsServer()) {
      return t.connection();
    }
    return SeededDatabase.prepare(
        t, w, new SeedOptions(data.scale, data.seed, false), Progress.forStderr());
  }
}
