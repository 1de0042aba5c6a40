package dev.indexlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.Setting;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code cli} is the only package that knows the command line's flags: lower packages name a
 * setting by its {@link Setting} mark, and {@link FlagNames} prints the flag in its place.
 */
class FlagNamesTest {
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  private static final Pattern FLAG = Pattern.compile("--([a-z][a-z0-9-]*)(?![a-z0-9-])");

  /** Every flag of every command, without --help and --version, which every program has. */
  private static Set<String> flags() {
    Set<String> names = new TreeSet<>();
    PrintWriter none = new PrintWriter(new StringWriter());
    collect(Main.commandLine(none, none, false), names);
    names.removeAll(Set.of("--help", "--version"));
    return names;
  }

  private static void collect(CommandLine cl, Set<String> names) {
    for (OptionSpec o : cl.getCommandSpec().options()) {
      for (String n : o.names()) {
        if (n.startsWith("--")) {
          names.add(n);
        }
      }
    }
    cl.getSubcommands().values().forEach(sub -> collect(sub, names));
  }

  @Test
  void everySettingIsPrintedAsAFlagThatACommandTakes() {
    Set<String> flags = flags();
    for (Setting s : Setting.values()) {
      assertThat(flags).as(s.name()).contains(FlagNames.flag(s));
    }
  }

  @Test
  void aSettingsMarkIsPrintedAsItsFlagAndOtherBracesStay() {
    assertThat(FlagNames.render(Setting.SCALE + " 0: must be a number > 0"))
        .isEqualTo("--scale 0: must be a number > 0");
    assertThat(
            FlagNames.render(
                Setting.PARAMETER_SETS + " 2: must be at least " + Setting.EXPLAIN_DRAWS))
        .isEqualTo("--parameter-sets 2: must be at least --explain-draws");
    assertThat(FlagNames.render("{setting:NO_SUCH_SETTING} {base62:22} {}"))
        .isEqualTo("{setting:NO_SUCH_SETTING} {base62:22} {}");
    String plan = "Filter: (tags @> '{OUT}'::text[]) AND (role = ANY ('{SCALE,LOG}'::text[]))";
    assertThat(FlagNames.render(plan)).isEqualTo(plan);
    StringWriter text = new StringWriter();
    PrintWriter out = FlagNames.rendering(new PrintWriter(text));
    out.printf("gate: %s; %s%n", Setting.ROUTES + " x: no such route", 3);
    out.println("pass " + Setting.FORCE + " to replace them");
    assertThat(text.toString())
        .isEqualTo(
            "gate: --routes x: no such route; 3"
                + System.lineSeparator()
                + "pass --force to replace them"
                + System.lineSeparator());
  }

  @Test
  void noProductionClassOutsideCliNamesAFlagInAString() throws IOException {
    Set<String> flags = flags();
    assertThat(flags).contains("--routes", "--scale", "--workload", "--allow-mismatch");
    List<String> found = new ArrayList<>();
    Path main = Path.of("src/main/java");
    try (Stream<Path> files = Files.walk(main)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String rel = main.relativize(f).toString().replace('\\', '/');
        if (rel.startsWith("dev/indexlab/cli/")) {
          continue;
        }
        found.addAll(flagsIn(rel, Files.readString(f, StandardCharsets.UTF_8), flags));
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void aFlagInAStringIsFoundButAnotherProgramsFlagIsNot() {
    String source =
        "class A {\n  String a = \"--scale \" + s;\n  String b = \"x; pass --force to go\";\n"
            + "  List<String> c = List.of(\"pg_dump\", \"--schema-only\", \"--version\");\n"
            + "  // --routes in a comment is fine\n}\n";
    assertThat(
            flagsIn("dev/indexlab/seed/A.java", source, Set.of("--scale", "--force", "--schema")))
        .containsExactly(
            "dev/indexlab/seed/A.java:2: --scale", "dev/indexlab/seed/A.java:3: --force");
  }

  /** {@code file:line: --flag} for each flag of {@code flags} in a string literal of the source. */
  private static List<String> flagsIn(String file, String source, Set<String> flags) {
    List<String> out = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher literal = LITERAL.matcher(lines[i]);
      while (literal.find()) {
        Matcher flag = FLAG.matcher(literal.group(1));
        while (flag.find()) {
          if (flags.contains(flag.group())) {
            out.add(file + ":" + (i + 1) + ": " + flag.group());
          }
        }
      }
    }
    return out;
  }
}
