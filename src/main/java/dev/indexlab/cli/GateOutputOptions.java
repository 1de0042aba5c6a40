package dev.indexlab.cli;

import dev.indexlab.gate.GateOutcome;
import dev.indexlab.gate.GateOutputs;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --junit} and {@code --summary}: where {@code gate} and {@code upgrade-check} write their
 * outcome, besides the verdict line on standard output.
 */
final class GateOutputOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report.")
  Path junit;

  @Option(names = "--summary", paramLabel = "FILE", description = "Write the markdown summary.")
  Path summary;

  /** Checks that the files given can be written, before anything is measured. */
  void check() {
    if (junit != null) {
      OptionChecks.writableFile("--junit", junit);
    }
    if (summary != null) {
      OptionChecks.writableFile("--summary", summary);
    }
  }

  /** Writes the outcome where asked, headed by the command's name; returns its exit code. */
  int write(GateOutcome outcome, String compared) {
    GateOutputs.write(
        outcome,
        compared,
        junit,
        summary,
        System.getenv(),
        command.commandLine().getOut(),
        command.qualifiedName());
    return outcome.exitCode();
  }
}
