package dev.indexlab.schema;

import dev.indexlab.IndexlabException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where loaders report what went wrong ({@code file:line: message}) and what they skipped (notes).
 * A fail-fast instance throws a usage error on the first problem, which is what loading for a run
 * wants; a collecting one keeps going so {@code indexlab check} can list every problem at once.
 * Files are shown relative to the working directory when they lie below it, else absolute.
 */
public final class LoadProblems {
  private final boolean failFast;
  private final List<String> problems = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private LoadProblems(boolean failFast) {
    this.failFast = failFast;
  }

  /** Throws an {@link IndexlabException} (status 2) on the first problem. */
  public static LoadProblems failFast() {
    return new LoadProblems(true);
  }

  /** Collects every problem; callers read {@link #problems()} afterwards. */
  public static LoadProblems collecting() {
    return new LoadProblems(false);
  }

  /** True when the first problem ends the load. */
  public boolean failsFast() {
    return failFast;
  }

  /** Records a problem; throws when fail-fast. */
  public void problem(String message) {
    if (failFast) {
      throw IndexlabException.usage(message);
    }
    problems.add(message);
  }

  /** Records a problem at {@code file:line}. */
  public void problem(Path file, long line, String message) {
    problem(shown(file) + ":" + line + ": " + message);
  }

  /** Records something that was skipped or adjusted and did not fail the load. */
  public void note(String message) {
    notes.add(message);
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** {@code file} as messages show it: relative to the working directory when below it. */
  public static String shown(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return abs.startsWith(cwd) && !abs.equals(cwd)
        ? cwd.relativize(abs).toString()
        : abs.toString();
  }
}
