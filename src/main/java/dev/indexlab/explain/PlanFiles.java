package dev.indexlab.explain;

import dev.indexlab.IndexlabException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves a plan as {@code <dir>/<name>.json} (the server's JSON exactly as returned, which plan
 * visualizers such as pev2 load as is) and {@code <dir>/<name>.txt} (the text rendering), and loads
 * it back from the JSON.
 *
 * <pre>{@code
 * PlanFiles.save(Path.of("plans/baseline/users_delete"), "1-delete-the-user", plan);
 * Plan again = PlanFiles.load(Path.of("plans/baseline/users_delete"), "1-delete-the-user");
 * }</pre>
 */
public final class PlanFiles {
  private PlanFiles() {}

  /** Writes both files (creating {@code dir}); returns the JSON file's path. */
  public static Path save(Path dir, String name, Plan plan) {
    Path json = dir.resolve(name + ".json");
    try {
      Files.createDirectories(dir);
      Files.writeString(json, plan.json(), StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve(name + ".txt"), PlanTextRenderer.render(plan) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IndexlabException(
          IndexlabException.JOB_FAILED, "cannot write plan files " + json + ": " + e, e);
    }
    return json;
  }

  /**
   * Saves the statement's plan as {@code <name>} and each drill-down's plan as {@code
   * <name>.fk-<constraint>} (nested ones append their constraint), e.g. {@code
   * 1-delete.fk-playlist_songs_song_id_fkey.fk-users_playlist_position_playlist_song_position_fkey};
   * characters outside letters, digits, '_', '-' and '.' become '_'. Returns the JSON files
   * written; a failed statement writes none.
   */
  public static List<Path> save(Path dir, String name, ExplainedStatement statement) {
    List<Path> written = new ArrayList<>();
    if (statement.result().succeeded()) {
      written.add(save(dir, name, statement.result().plan()));
      saveDrillDowns(dir, name, statement.drillDowns(), written);
    }
    return written;
  }

  private static void saveDrillDowns(
      Path dir, String prefix, List<DrillDown> drillDowns, List<Path> written) {
    for (DrillDown d : drillDowns) {
      String name = drillDownName(prefix, d.constraintName());
      if (d.plan() != null) {
        written.add(save(dir, name, d.plan()));
      }
      saveDrillDowns(dir, name, d.nested(), written);
    }
  }

  /**
   * The file name (without extension) of a drill-down's plan: the statement's (or the parent
   * drill-down's) name, {@code .fk-} and the constraint made file-safe. Reports find the cascade
   * plans of a statement by it.
   */
  public static String drillDownName(String prefix, String constraint) {
    return prefix + ".fk-" + fileSafe(constraint);
  }

  static String fileSafe(String s) {
    return s == null ? "unknown" : s.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /** Reads {@code <dir>/<name>.json} back into a plan. */
  public static Plan load(Path dir, String name) {
    return load(dir.resolve(name + ".json"));
  }

  /** Reads a plan JSON file. */
  public static Plan load(Path jsonFile) {
    try {
      return PlanJsonParser.parse(Files.readString(jsonFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IndexlabException(
          IndexlabException.USAGE, "cannot read plan file " + jsonFile + ": " + e, e);
    }
  }
}
