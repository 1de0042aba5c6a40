package dev.indexlab.scenario;

import dev.indexlab.IndexlabException;
import dev.indexlab.advise.CandidateFolder;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.EmbeddedTarget;
import dev.indexlab.db.ExitCleanup;
import dev.indexlab.db.FaultPoint;
import dev.indexlab.db.Leftovers;
import dev.indexlab.schema.LoadProblems;
import dev.indexlab.schema.SchemaLoader;
import dev.indexlab.schema.SchemaMigrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies a candidate's Flyway migrations to a scenario's database copy and records what they did:
 * the wall time of the migration (the index build), the indexes added and dropped, and their sizes.
 * A failing migration (syntax, a missing column, a lock timeout) is recorded as the result's error,
 * not thrown, so the other candidates are still evaluated.
 */
public final class CandidateApplier {
  /** Flyway's history table for candidate migrations (separate from the schema's). */
  public static final String HISTORY_TABLE = "indexlab_candidate_history";

  private CandidateApplier() {}

  /** What applying one candidate did. {@code error} is null on success. */
  public record Applied(
      String candidate,
      long buildMillis,
      List<IndexInventory.IndexInfo> added,
      List<IndexInventory.IndexInfo> dropped,
      String error) {

    /** Total size of the indexes the candidate added, in bytes. */
    public long addedBytes() {
      return added.stream().mapToLong(IndexInventory.IndexInfo::bytes).sum();
    }

    public boolean ok() {
      return error == null;
    }

    /**
     * The same result with {@code staged} (the temporary folder the migrations were applied from)
     * shown as {@code original} (the candidate's own folder) in the error, so that the reason names
     * a file the reader can open.
     */
    public Applied shownFrom(Path staged, Path original) {
      if (error == null) {
        return this;
      }
      String shown =
          error
              .replace(LoadProblems.shown(staged), LoadProblems.shown(original))
              .replace(staged.toString(), original.toString());
      return new Applied(candidate, buildMillis, added, dropped, shown);
    }
  }

  /**
   * Applies the candidates {@code folders} together to {@code db}: their top-level migrations are
   * staged into one temporary folder (Flyway would otherwise also find {@code production/} and
   * {@code rewrite/}) that is deleted afterwards. With one candidate, an error names its own file,
   * not the staged copy.
   */
  public static Applied applyCandidates(
      ConnectionSpec db, String scenario, List<CandidateFolder> folders) {
    return applyCandidates(db, scenario, folders, HISTORY_TABLE);
  }

  /**
   * {@link #applyCandidates(ConnectionSpec, String, List)} recording the migrations in {@code
   * historyTable}: another table than the one a copied scenario's own migrations are recorded in
   * lets Flyway apply more candidates on top of them.
   */
  public static Applied applyCandidates(
      ConnectionSpec db, String scenario, List<CandidateFolder> folders, String historyTable) {
    Path staged = null;
    ExitCleanup.Registration onSignal = null;
    try {
      // named for this process, so that after kill -9 the next indexlab deletes it (Leftovers);
      // a signal's exit skips the finally below, so the folder is also registered for it
      staged = Files.createTempDirectory(Leftovers.ownedPrefix("staged"));
      Path folder = staged;
      onSignal =
          ExitCleanup.register(
              () -> {
                EmbeddedTarget.deleteTree(folder);
                return "deleted the staged migrations " + folder;
              });
      for (CandidateFolder f : folders) {
        f.stageMigrations(staged);
      }
      Applied applied = apply(db, scenario, List.of(staged), historyTable);
      return folders.size() == 1 ? applied.shownFrom(staged, folders.get(0).directory()) : applied;
    } catch (IOException e) {
      throw IndexlabException.failed("cannot stage the migrations of " + scenario + ": " + e, e);
    } finally {
      if (staged != null) {
        EmbeddedTarget.deleteTree(staged);
      }
      if (onSignal != null) {
        onSignal.close();
      }
    }
  }

  /** Applies every migration folder in {@code folders} to {@code db}, in order. */
  public static Applied apply(ConnectionSpec db, String candidate, List<Path> folders) {
    return apply(db, candidate, folders, HISTORY_TABLE);
  }

  private static Applied apply(
      ConnectionSpec db, String candidate, List<Path> folders, String historyTable) {
    Map<String, IndexInventory.IndexInfo> before;
    try (Connection c = db.open()) {
      before = IndexInventory.read(c);
    } catch (SQLException e) {
      throw IndexlabException.failed("cannot read indexes of " + db.database() + ": " + e, e);
    }
    long start = System.nanoTime();
    String error = null;
    for (Path folder : folders) {
      try {
        SchemaMigrator.migrate(db, folder, historyTable);
      } catch (IndexlabException e) {
        error = SchemaLoader.flywayProblem(folder, e);
        break;
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (error == null) {
      FaultPoint.reached("candidate-applied");
    }
    try (Connection c = db.open()) {
      Map<String, IndexInventory.IndexInfo> after = IndexInventory.read(c);
      List<IndexInventory.IndexInfo> added = new ArrayList<>();
      List<IndexInventory.IndexInfo> dropped = new ArrayList<>();
      // an index re-created under its name with another definition counts as both
      after.forEach(
          (k, v) -> {
            if (!before.containsKey(k) || !before.get(k).definition().equals(v.definition())) {
              added.add(v);
            }
          });
      before.forEach(
          (k, v) -> {
            if (!after.containsKey(k) || !after.get(k).definition().equals(v.definition())) {
              dropped.add(v);
            }
          });
      return new Applied(candidate, millis, added, dropped, error);
    } catch (SQLException e) {
      throw IndexlabException.failed("cannot read indexes of " + db.database() + ": " + e, e);
    }
  }
}
