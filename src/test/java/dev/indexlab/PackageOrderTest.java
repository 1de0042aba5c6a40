package dev.indexlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No production class refers to a package above its own in the pipeline order that
 * docs/architecture.md lists (the order is written there once, and read from there). A reference is
 * any {@code dev.indexlab.<package>.<Class>} in the source (the package may be a subpackage, which
 * must be listed in its own right): an import, a static import or a fully qualified name.
 */
class PackageOrderTest {
  private static final String ROOT = "dev.indexlab";
  private static final Pattern LISTED = Pattern.compile("^\\d+\\. `([a-z.]+)`", Pattern.MULTILINE);
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern REFERENCE =
      Pattern.compile("\\bdev\\.indexlab\\.([a-z][\\w.]*?)\\.[A-Z]");

  @Test
  void noProductionClassImportsAPackageAboveItsOwn() throws IOException {
    List<String> order = order(Files.readString(Path.of("docs/architecture.md")));
    assertThat(order).contains(ROOT, "stats", "results", "scenario", "report", "gate", "cli");

    Map<String, String> sources = new LinkedHashMap<>();
    Path main = Path.of("src/main/java");
    try (Stream<Path> files = Files.walk(main)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        sources.put(main.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    assertThat(sources).hasSizeGreaterThan(300);
    assertThat(violations(order, sources)).isEmpty();
  }

  @Test
  void anImportFromALowerPackageToAHigherOneIsAViolation() {
    List<String> order = order("1. `dev.indexlab` — root\n2. `stats` — numbers\n3. `gate` — ci\n");
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put(
        "dev/indexlab/stats/A.java",
        "package dev.indexlab.stats;\n\nimport dev.indexlab.gate.Rule;\nimport dev.indexlab.X;\n");
    sources.put(
        "dev/indexlab/gate/B.java",
        "package dev.indexlab.gate;\n\nimport dev.indexlab.stats.A;\n"
            + "class B { Object o = new dev.indexlab.report.Page(); }\n");
    sources.put(
        "dev/indexlab/stats/C.java",
        "package dev.indexlab.stats;\n\nimport dev.indexlab.gate.rules.TimeRule;\n");
    sources.put("dev/indexlab/gate/rules/D.java", "package dev.indexlab.gate.rules;\n");

    assertThat(violations(order, sources))
        .containsExactly(
            "dev/indexlab/stats/A.java: stats imports gate, which is above it",
            "dev/indexlab/gate/B.java: gate imports report, which docs/architecture.md does not"
                + " list",
            "dev/indexlab/stats/C.java: stats imports gate.rules, which docs/architecture.md does"
                + " not list",
            "dev/indexlab/gate/rules/D.java: package gate.rules is not listed in"
                + " docs/architecture.md");
  }

  /** The packages in docs/architecture.md's numbered list, lowest first. */
  static List<String> order(String architecture) {
    List<String> order = new ArrayList<>();
    Matcher m = LISTED.matcher(architecture);
    while (m.find()) {
      order.add(m.group(1));
    }
    return order;
  }

  /** One line per reference from a package to a higher one or to an unlisted one. */
  static List<String> violations(List<String> order, Map<String, String> sources) {
    List<String> problems = new ArrayList<>();
    sources.forEach(
        (file, text) -> {
          Matcher p = PACKAGE.matcher(text);
          String own = p.find() ? shortName(p.group(1)) : ROOT;
          int level = order.indexOf(own);
          if (level < 0) {
            problems.add(file + ": package " + own + " is not listed in docs/architecture.md");
            return;
          }
          Matcher r = REFERENCE.matcher(text);
          List<String> seen = new ArrayList<>();
          while (r.find()) {
            String target = r.group(1);
            if (target.equals(own) || seen.contains(target)) {
              continue;
            }
            seen.add(target);
            int targetLevel = order.indexOf(target);
            if (targetLevel < 0) {
              problems.add(
                  file
                      + ": "
                      + own
                      + " imports "
                      + target
                      + ", which docs/architecture.md does not list");
            } else if (targetLevel > level) {
              problems.add(file + ": " + own + " imports " + target + ", which is above it");
            }
          }
        });
    return problems;
  }

  private static String shortName(String javaPackage) {
    return javaPackage.equals(ROOT) ? ROOT : javaPackage.substring(ROOT.length() + 1);
  }
}
