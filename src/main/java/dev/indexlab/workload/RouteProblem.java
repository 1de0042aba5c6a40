package dev.indexlab.workload;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a route cannot be used: its file did not parse ({@link Stage#PARSE}: the file as it was
 * given, the line, 0 when the file could not be read at all), or a selected id names no route
 * ({@link Stage#UNKNOWN}: no file, line 0). {@code route} is the route's id (its file name without
 * {@code .sql}); {@link #text()} is the line users see.
 */
public record RouteProblem(Path file, int line, String route, Stage stage, String message) {
  /** Where the route failed. */
  public enum Stage {
    /** Its route file could not be read or parsed. */
    PARSE,
    /** A selected id that is neither a route nor a route file that failed to parse. */
    UNKNOWN;

    /** The stage as bench.json and the progress lines write it: {@code parse}, {@code unknown}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A problem of route file {@code file} at {@code line} (0: the file as a whole). */
  static RouteProblem parse(Path file, int line, String message) {
    return new RouteProblem(file, line, RouteParser.idOf(file), Stage.PARSE, message);
  }

  /**
   * {@code file:line: message} for a route file ({@code file: message} without a line); {@code id:
   * message} for an unknown id, which the command line shows after the setting that named it.
   */
  public String text() {
    if (file == null) {
      return route + ": " + message;
    }
    return file + (line > 0 ? ":" + line : "") + ": " + message;
  }
}
