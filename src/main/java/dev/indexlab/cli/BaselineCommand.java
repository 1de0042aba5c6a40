package dev.indexlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code indexlab baseline}: the CI gate's stored baselines ({@code save}). */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = "Stores what the CI gate compares against: see 'indexlab baseline save --help'.",
    subcommands = {BaselineSaveCommand.class})
final class BaselineCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required: save");
  }
}
