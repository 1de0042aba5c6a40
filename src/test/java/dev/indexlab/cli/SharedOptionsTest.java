package dev.indexlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --routes}, {@code --draws}, {@code --scale} and {@code --seed} are declared once each. */
class SharedOptionsTest {
  private static final PrintWriter SINK = new PrintWriter(new StringWriter());

  @Test
  void everyCommandThatTakesRoutesDescribesThemTheSameWay() {
    CommandLine root = Main.commandLine(SINK, SINK, false);
    List<CommandLine> commands =
        List.of(
            root.getSubcommands().get("run"),
            root.getSubcommands().get("explain"),
            root.getSubcommands().get("bench"),
            root.getSubcommands().get("gate"),
            root.getSubcommands().get("upgrade-check"),
            root.getSubcommands().get("baseline").getSubcommands().get("save"));
    OptionSpec first = commands.get(0).getCommandSpec().findOption("--routes");
    for (CommandLine c : commands) {
      OptionSpec routes = c.getCommandSpec().findOption("--routes");
      assertThat(routes).as(c.getCommandName()).isNotNull();
      assertThat(routes.description()).isEqualTo(first.description());
      assertThat(routes.splitRegex()).isEqualTo(",");
    }
  }

  @Test
  void scaleAndSeedMeanTheSameInEveryCommandThatTakesThem() {
    CommandLine root = Main.commandLine(SINK, SINK, false);
    OptionSpec scale = root.getSubcommands().get("seed").getCommandSpec().findOption("--scale");
    for (String name : List.of("run", "advise", "seed-benchmark", "gate", "explain")) {
      CommandLine c = root.getSubcommands().get(name);
      assertThat(c.getCommandSpec().findOption("--scale").description())
          .as(name)
          .isEqualTo(scale.description());
      assertThat(c.getCommandSpec().findOption("--seed").defaultValue()).as(name).isEqualTo("42");
    }
  }

  @Test
  void fewerThanOneDrawIsAUsageErrorInRunAndExplain() {
    for (String command : List.of("run", "explain")) {
      StringWriter err = new StringWriter();
      int status =
          Main.run(
              new String[] {command, "--draws", "0"},
              new PrintWriter(new StringWriter()),
              new PrintWriter(err));
      assertThat(status).as(command).isEqualTo(2);
      assertThat(err.toString()).as(command).contains("--draws must be at least 1, was 0");
    }
  }

  /**
   * The gate's {@code --explain-draws} counts what run's {@code --draws} counts and is checked by
   * the same check, before anything starts; upgrade-check, which used to reach the gate's own check
   * with another message, included.
   */
  @Test
  void fewerThanOneExplainDrawIsTheSameUsageErrorInEveryGateCommand(@TempDir Path dir) {
    String file = dir.resolve("baseline.json").toString();
    for (String[] args :
        List.of(
            new String[] {"baseline", "save", file, "--explain-draws", "0"},
            new String[] {"upgrade-check", "--from", "16", "--to", "17", "--explain-draws", "0"})) {
      StringWriter err = new StringWriter();
      int status = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
      assertThat(status).as(args[0]).isEqualTo(2);
      assertThat(err.toString()).as(args[0]).contains("--explain-draws must be at least 1, was 0");
    }
  }

  /**
   * upgrade-check checks what the gate checks before any server starts: the route ids, the output
   * files and the numbers (it used to find an unknown route or an unwritable --junit only after
   * seeding both servers, and lost the verdict to the write error).
   */
  @Test
  void upgradeCheckRejectsBadRoutesOutputsAndNumbersBeforeAnyServerStarts(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "");
    String[] check = {"upgrade-check", "--from", "16", "--to", "17"};
    Map<String, List<String>> cases =
        Map.of(
            "--routes nope: no such route",
            List.of("--routes", "nope"),
            "--junit",
            List.of("--junit", file.resolve("x.xml").toString()),
            "--parameter-sets must be at least 1, was 0",
            List.of("--parameter-sets", "0"),
            "--rounds must be at least 1, was 0",
            List.of("--rounds", "0"));
    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      List<String> args = new ArrayList<>(List.of(check));
      args.addAll(c.getValue());
      StringWriter err = new StringWriter();
      int status =
          Main.run(
              args.toArray(String[]::new),
              new PrintWriter(new StringWriter()),
              new PrintWriter(err));
      assertThat(status).as(c.getKey() + ": " + err).isEqualTo(2);
      assertThat(err.toString()).as(c.getKey()).contains(c.getKey()).doesNotContain("seeding");
    }
  }
}
