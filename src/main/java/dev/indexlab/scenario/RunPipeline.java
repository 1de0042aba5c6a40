package dev.indexlab.scenario;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.advise.AdviseRun;
import dev.indexlab.advise.Candidate;
import dev.indexlab.advise.CandidateFolder;
import dev.indexlab.advise.CandidateReader;
import dev.indexlab.advise.CandidateWriter;
import dev.indexlab.advise.ExplainFindings;
import dev.indexlab.advise.IndexSpec;
import dev.indexlab.advise.PlanFinding;
import dev.indexlab.bench.BenchSettings;
import dev.indexlab.bench.WrittenTables;
import dev.indexlab.check.CandidateKind;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseAdmin;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.db.ExitCleanup;
import dev.indexlab.results.RunResults;
import dev.indexlab.seed.Progress;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.seed.SeedResult;
import dev.indexlab.seed.SeededDatabase;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteCatalog;
import dev.indexlab.workload.RouteProblem;
import dev.indexlab.workload.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code indexlab run}: seed (or reuse) a template database, measure the baseline on a copy,
 * advise, evaluate every candidate on its own copy against the baseline, measure the accepted set
 * together as "optimized", and return everything as {@link RunResults} for the reports. The seeded
 * template is never altered: every scenario runs on a {@code CREATE DATABASE ... TEMPLATE} copy
 * that is dropped afterwards ({@link TemplateCopies}). Where the server does not allow that (a JDBC
 * URL whose role lacks CREATEDB), the run is refused unless {@link Settings#inPlace()}: then every
 * scenario runs on the one database and is reverted and checked afterwards ({@link
 * InPlaceScenarios}).
 */
public final class RunPipeline {
  /**
   * What to run. {@code inPlace}: when the database cannot be copied, apply and revert each
   * scenario on it ({@code --in-place}).
   */
  public record Settings(
      SeedOptions seed,
      BenchSettings bench,
      int draws,
      Path resultsDir,
      boolean advise,
      DecisionRule rule,
      List<String> routes,
      boolean inPlace) {

    /** The same settings, with {@code inPlace} as given. */
    public Settings withInPlace(boolean inPlace) {
      return new Settings(seed, bench, draws, resultsDir, advise, rule, routes, inPlace);
    }
  }

  private final DatabaseTarget target;
  private final Workload workload;
  private final Settings settings;
  private final PrintWriter log;
  private final Progress progress;

  public RunPipeline(
      DatabaseTarget target,
      Workload workload,
      Settings settings,
      PrintWriter log,
      Progress progress) {
    this.target = target;
    this.workload = workload;
    this.settings = settings;
    this.log = log;
    this.progress = progress;
  }

  /** Runs the whole pipeline. */
  public RunResults run() throws IOException, SQLException {
    boolean inPlace = !canCopy();
    SeedResult seeded = SeededDatabase.open(target, workload, settings.seed(), progress);
    ConnectionSpec template = seeded.connection();
    RouteCatalog catalog = RouteCatalog.load(workload).select(settings.routes());
    catalog.problems().forEach(p -> log.println("indexlab: " + p.text()));
    Map<String, Route> routes = new LinkedHashMap<>();
    catalog.routes().forEach(r -> routes.put(r.id(), r));
    Files.createDirectories(settings.resultsDir());
    ScenarioMeasurer measurer =
        new ScenarioMeasurer(
            target, workload, settings.bench(), settings.draws(), settings.resultsDir(), log);
    Phases phases = new Phases();
    try (ScenarioDatabases copies =
        inPlace ? InPlaceScenarios.start(template, log) : new TemplateCopies(template)) {
      phases.enter("baseline");
      step("baseline: all routes");
      ConnectionSpec baselineDb = copies.copy("baseline");
      RunResults.ScenarioResult baseline =
          measurer.measure("baseline", List.of(), baselineDb, List.copyOf(routes.values()));
      phases.enter("advise");
      List<CandidateFolder> candidates =
          candidates(baselineDb, routes, ExplainFindings.of(measurer.findings("baseline")));
      phases.enter("candidates");
      Map<String, List<String>> written = writtenTables(baselineDb, routes);
      copies.drop("baseline");
      Evaluation evaluation =
          new Evaluation(copies, measurer, settings, baseline, routes, written, log, phases);
      CandidateEvaluator evaluator = new CandidateEvaluator(evaluation);
      List<RunResults.ScenarioResult> scenarios = new ArrayList<>();
      scenarios.add(baseline);
      List<RunResults.CandidateResult> results = new ArrayList<>();
      List<CandidateFolder> evaluated = new ArrayList<>();
      for (CandidateFolder folder : candidates) {
        step("candidate " + folder.candidate().name());
        CandidateEvaluator.Evaluated e = evaluator.evaluate(folder);
        if (e.scenario() == null) {
          // decided before anything was measured (the what-if, a failed migration, a rewrite
          // that is not equivalent): the evaluator printed no verdict, so every candidate still
          // ends with one line saying accepted or rejected and why
          log.println("   " + folder.candidate().name() + ": " + e.result().decision().describe());
        }
        results.add(e.result());
        evaluated.add(e.folder() == null ? folder : e.folder());
        if (e.scenario() != null) {
          scenarios.add(e.scenario());
        }
      }
      step("optimized: the accepted candidates together, measured side by side with the baseline");
      AcceptedSet.Final last = new AcceptedSet(evaluation).measure(evaluated, results);
      phases.end();
      log.println("indexlab run: phases: " + phases.describe());
      scenarios.set(0, withLeftOut(last.baseline(), catalog.problems()));
      scenarios.add(last.optimized());
      results = last.candidates();
      return new RunResults(
          RunMeta.read(target, template, workload, settings, copies.holdsTwoAtOnce()),
          scenarios,
          results);
    }
  }

  /**
   * True when each scenario can get its own copy: indexlab owns the server, or the role may create
   * databases. Otherwise refuses, before anything is seeded, unless {@code --in-place} was given.
   */
  private boolean canCopy() throws SQLException {
    if (target.ownsServer()) {
      return true;
    }
    ConnectionSpec db = target.connection();
    try (Connection c = db.open()) {
      if (DatabaseAdmin.canCreateDatabases(c)) {
        return true;
      }
    }
    if (!settings.inPlace()) {
      throw IndexlabException.usage(
          "indexlab run copies the database for each scenario (CREATE DATABASE ... TEMPLATE), but"
              + " role "
              + db.user()
              + " may not create databases on "
              + db.maskedUrl()
              + "; pass "
              + Setting.IN_PLACE
              + " to apply each candidate to "
              + db.database()
              + " itself and revert it afterwards");
    }
    return false;
  }

  /**
   * The workload's candidates, then (unless {@code --no-advise}) the advisor's from the baseline's
   * catalog, workload sample and plan {@code findings}, handed over in memory.
   */
  private List<CandidateFolder> candidates(
      ConnectionSpec baselineDb, Map<String, Route> routes, List<PlanFinding> findings)
      throws IOException, SQLException {
    List<CandidateFolder> all = new ArrayList<>();
    if (Files.isDirectory(workload.candidates())) {
      all.addAll(CandidateReader.read(workload.candidates()));
    }
    if (settings.advise()) {
      step("advise");
      Path dir = settings.resultsDir().resolve("candidates");
      int base =
          Math.max(
              CandidateWriter.versionBase(workload.migrations()),
              highestVersion(all) / 1000 * 1000 + 1000);
      AdviseRun.Settings advise =
          new AdviseRun.Settings(dir, base, settings.bench().seed(), 20, 2, true);
      AdviseRun.run(baselineDb, List.copyOf(routes.values()), findings, advise);
      List<CandidateFolder> handWritten = List.copyOf(all);
      for (CandidateFolder f : CandidateReader.read(dir)) {
        Optional<String> twin = twin(f.candidate(), handWritten);
        if (twin.isEmpty()) {
          all.add(f);
        } else if (!twin.get().equals(f.candidate().name())) {
          log.println(
              "   "
                  + f.candidate().name()
                  + ": left out, the hand-written "
                  + twin.get()
                  + " creates the same index or one that leads with it");
        }
      }
    }
    return all;
  }

  /**
   * The hand-written candidate that {@code proposed} repeats: the same name, or an index with the
   * same name, the same table, method and keys, or a b-tree index on the same table that leads with
   * the proposed one's columns (it serves the same lookups). Measuring both would spend the time
   * twice, and the optimized scenario could not create two indexes of one name.
   */
  private static Optional<String> twin(Candidate proposed, List<CandidateFolder> handWritten) {
    for (CandidateFolder f : handWritten) {
      Candidate own = f.candidate();
      if (own.name().equals(proposed.name())) {
        return Optional.of(own.name());
      }
      if (proposed.kind() == CandidateKind.DROP_INDEX
          || own.kind() == CandidateKind.DROP_INDEX
          || !own.onlyBuildsIndexes()) {
        continue;
      }
      for (IndexSpec a : proposed.indexes()) {
        for (IndexSpec b : own.indexes()) {
          boolean sameName = a.schema().equals(b.schema()) && a.name().equals(b.name());
          if (sameName || sameIndex(a, b) || a.servedBy(b)) {
            return Optional.of(own.name());
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean sameIndex(IndexSpec a, IndexSpec b) {
    return a.tableKey().equals(b.tableKey())
        && Objects.equals(a.method(), b.method())
        && a.keys().equals(b.keys());
  }

  /**
   * The tables each route writes, cascades included, as the baseline's catalog says; a partitioned
   * table brings its partitions (a delete through the parent writes them).
   */
  private static Map<String, List<String>> writtenTables(
      ConnectionSpec db, Map<String, Route> routes) throws SQLException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (Connection c = db.open()) {
      for (Route r : routes.values()) {
        out.put(r.id(), WrittenTables.reached(c, r));
      }
    }
    return out;
  }

  /**
   * The baseline with a line per route left out of the run (its file did not parse, such as an
   * unknown {@code :param}), so that the report lists it among the run's problems.
   */
  private static RunResults.ScenarioResult withLeftOut(
      RunResults.ScenarioResult baseline, List<RouteProblem> parseErrors) {
    if (parseErrors.isEmpty()) {
      return baseline;
    }
    List<String> errors = new ArrayList<>();
    parseErrors.forEach(p -> errors.add("route left out: " + p.text()));
    errors.addAll(baseline.errors());
    return new RunResults.ScenarioResult(
        baseline.name(), baseline.candidates(), baseline.routes(), errors);
  }

  private static int highestVersion(List<CandidateFolder> folders) {
    int max = 0;
    for (CandidateFolder f : folders) {
      for (Path m : f.migrations()) {
        String name = m.getFileName().toString();
        String digits = name.replaceAll("^V(\\d+).*$", "$1");
        if (digits.matches("\\d{1,9}")) {
          max = Math.max(max, Integer.parseInt(digits));
        }
      }
    }
    return max;
  }

  private void step(String what) {
    ExitCleanup.activity(what);
    log.println("== " + what);
    log.flush();
  }
}
