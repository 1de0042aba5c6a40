package dev.indexlab.check;

import dev.indexlab.schema.LoadProblems;
import java.nio.file.Path;

/**
 * One thing wrong (or skipped) in a candidates folder: the file, the line when one is known (0 when
 * not) and the message. {@link #text()} is the line users see: {@code file:line: message}.
 */
public record CandidateProblem(Kind kind, Path file, long line, String message) {
  /** How much the problem matters. */
  public enum Kind {
    /** The folder or a file in it could not be listed or read. */
    UNREADABLE,
    /** A file Flyway or the scenario runner would trip over. */
    INVALID,
    /** Something skipped that does not fail the check. */
    IGNORED
  }

  /** {@code file:line: message}, the file as {@link LoadProblems#shown} shows it. */
  public String text() {
    return LoadProblems.shown(file) + (line > 0 ? ":" + line : "") + ": " + message;
  }
}
