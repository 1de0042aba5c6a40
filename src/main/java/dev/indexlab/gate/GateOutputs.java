package dev.indexlab.gate;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Writes a gate's outcome where CI looks for it: the one-line verdict on standard output, the
 * markdown summary into {@code --summary FILE} and appended to the file {@code
 * $GITHUB_STEP_SUMMARY} names (GitHub shows it on the run's page), and the JUnit XML report into
 * {@code --junit FILE}.
 */
public final class GateOutputs {
  /** The environment variable GitHub Actions sets to the step summary file. */
  public static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

  private GateOutputs() {}

  /**
   * Writes every output that was asked for, the verdict and summary headed by {@code command}
   * ({@code indexlab gate}, {@code indexlab upgrade-check}); {@code junit} and {@code summary} may
   * be null.
   *
   * @param compared one sentence saying what was compared, for the summary
   * @param env the environment ({@code System.getenv()} in the CLI)
   */
  public static void write(
      GateOutcome outcome,
      String compared,
      Path junit,
      Path summary,
      Map<String, String> env,
      PrintWriter out,
      String command) {
    String markdown = GateSummary.render(outcome, compared, command);
    if (summary != null) {
      writeFile(summary, markdown, false, Setting.SUMMARY.toString());
    }
    String step = env.get(STEP_SUMMARY);
    if (step != null && !step.isBlank()) {
      writeFile(Path.of(step), markdown + "\n", true, STEP_SUMMARY);
    }
    if (junit != null) {
      try {
        createParent(junit);
        new JUnitXmlWriter()
            .write(GateCases.of(outcome), GateCases.properties(outcome, command), junit);
      } catch (IOException | RuntimeException e) {
        throw IndexlabException.usage(
            Setting.JUNIT + " " + junit + ": cannot write: " + e.getMessage());
      }
    }
    out.println(outcome.verdictLine(command));
    out.flush();
  }

  private static void writeFile(Path file, String text, boolean append, String what) {
    try {
      createParent(file);
      if (append) {
        Files.writeString(
            file,
            text,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } else {
        Files.writeString(file, text, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw IndexlabException.usage(what + " " + file + ": cannot write: " + e.getMessage());
    }
  }

  private static void createParent(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }
}
