package dev.indexlab.check;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.schema.LoadProblems;
import dev.indexlab.schema.SchemaLoader;
import dev.indexlab.schema.ServerErrors;
import dev.indexlab.schema.SqlScript;
import dev.indexlab.schema.UserTables;
import dev.indexlab.schema.WorkloadDataLoader;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteCatalog;
import dev.indexlab.workload.RouteParser;
import dev.indexlab.workload.Workload;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates a workload before anything runs on it, and reports every problem at once.
 *
 * <pre>{@code
 * try (DatabaseTarget t = DatabaseTargets.open("embedded", null, null, System.getenv())) {
 *   CheckReport r = WorkloadChecker.check(Workload.open(Path.of("examples/bookshop")), t);
 *   r.problems().forEach(System.err::println); // file:line: message
 * }
 * }</pre>
 *
 * <ol>
 *   <li>parses every route file, the candidate folders (Flyway names, versions, rewrites) and, for
 *       a {@code schema/} folder, its migration names;
 *   <li>loads the schema into a scratch database, then the {@code data/} files (a generator's data
 *       is not generated: its sampling queries are described but not run);
 *   <li>has the server parse and describe every route statement and sampling query;
 *   <li>applies each candidate's migrations to its own copy of the scratch database and describes
 *       its rewritten routes there.
 * </ol>
 *
 * The scratch database and its copies are dropped afterwards. On a user's server (a JDBC URL) they
 * are created only when the role may create databases; otherwise schema and data are not loaded,
 * and the statements are described against the user's database as it is, without executing
 * anything.
 */
public final class WorkloadChecker {
  private WorkloadChecker() {}

  /** Checks {@code workload} using {@code target}'s server; see the class comment. */
  public static CheckReport check(Workload workload, DatabaseTarget target) {
    LoadProblems problems = LoadProblems.collecting();
    workload.migrations().ifPresent(folder -> SchemaLoader.namesValid(folder, problems));
    List<Path> files =
        workload.routeFiles().stream().map(p -> Path.of(LoadProblems.shown(p))).toList();
    if (files.isEmpty()) {
      problems.problem(
          LoadProblems.shown(workload.directory()) + ": no route files (*.sql beside the schema)");
    }
    workload
        .skippedRouteFiles()
        .forEach((f, why) -> problems.note(LoadProblems.shown(f) + ": skipped: " + why));
    RouteCatalog catalog = RouteCatalog.load(files);
    catalog.problems().forEach(p -> problems.problem(p.text()));
    Set<String> ids = new TreeSet<>();
    files.forEach(f -> ids.add(RouteParser.idOf(f)));
    List<CandidateFolderReader.Folder> candidates = CandidateFiles.read(workload, ids, problems);
    String schema;
    try {
      schema = database(workload, target, catalog.routes(), candidates, problems);
    } catch (SQLException e) {
      throw IndexlabException.failed(
          "check on " + target.description() + " failed: " + ServerErrors.describe(e), e);
    }
    List<String> unique = new ArrayList<>(new LinkedHashSet<>(problems.problems()));
    return new CheckReport(unique, problems.notes(), files.size(), candidates.size(), schema);
  }

  private static String database(
      Workload workload,
      DatabaseTarget target,
      List<Route> routes,
      List<CandidateFolderReader.Folder> candidates,
      LoadProblems problems)
      throws SQLException {
    if (!workload.hasSchema() && target.ownsServer()) {
      problems.problem(workload.noSchema().getMessage());
      return "none";
    }
    Optional<ScratchDatabase> scratch =
        workload.hasSchema() ? ScratchDatabase.create(target) : Optional.empty();
    if (scratch.isEmpty()) {
      ConnectionSpec user = target.connection();
      try (Connection c = user.open()) {
        c.setReadOnly(true);
        for (Route r : routes) {
          StatementChecker.check(c, r, false, problems);
        }
      }
      String why =
          workload.hasSchema()
              ? "the role may not create a scratch database"
              : "the workload has no schema";
      return "not loaded ("
          + why
          + "; statements were described against database "
          + user.database()
          + " as it is)";
    }
    try (ScratchDatabase db = scratch.get()) {
      SchemaLoader.load(db.connection(), workload, problems);
      boolean data = workload.generator().isEmpty();
      if (data) {
        WorkloadDataLoader.load(db.connection(), workload, problems);
      } else {
        problems.note(
            "data comes from generator "
                + workload.generator().get()
                + ": sampling queries were described, not run");
        workload
            .data()
            .ifPresent(
                d ->
                    problems.note(
                        LoadProblems.shown(d)
                            + ": not loaded: "
                            + Workload.PROPERTIES_FILE
                            + " names a generator"));
      }
      int tables;
      try (Connection c = db.connection().open()) {
        tables = UserTables.read(c).size();
        for (Route r : routes) {
          StatementChecker.check(c, r, data, problems);
        }
      }
      int n = 0;
      for (CandidateFolderReader.Folder candidate : candidates) {
        candidate(db, candidate, "c" + (++n), data, problems);
      }
      return tables + (tables == 1 ? " table" : " tables");
    }
  }

  private static void candidate(
      ScratchDatabase db,
      CandidateFolderReader.Folder candidate,
      String suffix,
      boolean data,
      LoadProblems problems)
      throws SQLException {
    ConnectionSpec copy = db.copy(suffix);
    try (Connection c = copy.open()) {
      c.setAutoCommit(false);
      for (Path migration : candidate.migrations()) {
        SqlScript.run(c, migration, problems);
        c.commit();
      }
      c.setAutoCommit(true);
      for (Route r : candidate.rewrites()) {
        StatementChecker.check(c, r, data, problems);
      }
    } finally {
      db.drop(copy);
    }
  }
}
