package dev.indexlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.IndexlabVersion;
import dev.indexlab.gate.GateThresholds;
import dev.indexlab.results.RunResults.Rule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} renders without a picocli warning: picocli prints "[picocli WARN]
 * Could not format ..." on standard error when a description holds a lone {@code %}, and a help
 * text should never come with noise.
 */
class HelpTextTest {
  @Test
  void everyCommandsHelpRendersWithoutAWarningAndExitsZero() {
    List<List<String>> commands = new ArrayList<>();
    collect(Main.commandLine(sink(), sink(), false), new ArrayList<>(), commands);
    assertThat(commands).hasSizeGreaterThan(12);

    PrintStream systemErr = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    try {
      for (List<String> path : commands) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status =
            Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertThat(status).as("%s", args).isZero();
        assertThat(out.toString()).as("%s", args).contains("Usage:").doesNotContain("\u001b[");
        assertThat(err.toString()).as("%s", args).isEmpty();
      }
    } finally {
      System.setErr(systemErr);
    }
    assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void theThresholdsDefaultsInTheHelpAreTheOnesTheRulesUse() {
    Rule rule = Rule.DEFAULTS;
    assertThat(help("run"))
        .contains("this much faster. Default: " + Math.round(100 * rule.minGain()) + "%.")
        .contains("significance rule. Default: " + rule.minGainMs() + ".")
        .contains("more than this. Default: " + Math.round(100 * rule.maxRegression()) + "%.")
        .contains("not blocking). Default: " + rule.maxRegressionMs() + ".");
    GateThresholds gate = GateThresholds.defaults();
    assertThat(help("gate"))
        .contains("when significant. Default: " + Math.round(100 * gate.time()) + "%.")
        .contains("that fails. Default: " + Math.round(100 * gate.buffers()) + "%.")
        .contains("before it fails. Default: " + gate.timeMs() + ".")
        .contains("this many rows. Default: " + gate.largeTableRows() + ".");
  }

  /** The command's help, its lines joined with single spaces. */
  private static String help(String command) {
    StringWriter out = new StringWriter();
    Main.run(new String[] {command, "--help"}, new PrintWriter(out), sink());
    return out.toString().replaceAll("\\s+", " ");
  }

  @Test
  void versionPrintsTheVersionTheResultFilesRecord() {
    StringWriter out = new StringWriter();
    int status =
        Main.run(
            new String[] {"--version"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertThat(status).isZero();
    assertThat(out.toString().strip()).isEqualTo("indexlab " + IndexlabVersion.current());
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> into) {
    into.add(List.copyOf(path));
    cl.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!name.equals(sub.getCommandName())) {
                return; // an alias
              }
              List<String> next = new ArrayList<>(path);
              next.add(name);
              collect(sub, next, into);
            });
  }

  private static PrintWriter sink() {
    return new PrintWriter(new StringWriter());
  }
}
