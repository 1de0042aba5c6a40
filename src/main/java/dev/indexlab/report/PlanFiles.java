package dev.indexlab.report;

import dev.indexlab.IndexlabException;
import dev.indexlab.explain.PlanTextRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The plan JSON files a report links to. A plan named in the results by a path relative to the
 * results directory keeps that path under the output directory ({@code plans/baseline/users_delete
 * /2.json}); a plan outside the results directory goes to {@code plans/other/}. A plan whose file
 * does not exist gets no link. Copies happen when a page first asks for the link.
 */
final class PlanFiles {
  private final Path resultsDir;
  private final Path outDir;
  private final TreeSet<String> copied = new TreeSet<>();
  private final TreeSet<String> copiedText = new TreeSet<>();

  PlanFiles(Path resultsDir, Path outDir) {
    this.resultsDir = resultsDir.toAbsolutePath().normalize();
    this.outDir = outDir.toAbsolutePath().normalize();
  }

  /**
   * The link (relative to the output directory, with {@code /} separators) to the plan file, after
   * copying it there; empty when the results name no file or the file does not exist.
   */
  Optional<String> link(String planJsonFile) {
    Path source = source(planJsonFile);
    if (source == null) {
      return Optional.empty();
    }
    String relative;
    if (source.startsWith(resultsDir)) {
      relative = slashes(resultsDir.relativize(source));
    } else {
      relative = "plans/other/" + RunIndex.fileSafe(slashes(source).replace('/', '-'));
    }
    Path target = outDir.resolve(relative).normalize();
    try {
      Path txt = textBeside(source);
      boolean withText = source.toString().endsWith(".json") && Files.isRegularFile(txt);
      if (!target.equals(source)) {
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        if (withText) {
          Files.copy(txt, textBeside(target), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      // listed even when the report is written over its own results: it is the report's file
      if (withText) {
        copiedText.add(relative.substring(0, relative.length() - ".json".length()) + ".txt");
      }
    } catch (IOException e) {
      throw IndexlabException.failed("cannot copy plan " + source + ": " + e.getMessage(), e);
    }
    copied.add(relative);
    return Optional.of(relative);
  }

  /** A statement's plan table, as its .txt file has it, with the link to its JSON. */
  String table(dev.indexlab.results.RunResults.StatementCapture s) {
    return PlanTable.render(text(s.planJsonFile(), s.planText()), link(s.planJsonFile()));
  }

  /**
   * The plan's text exactly as the {@code .txt} file beside its JSON has it (every line: WAL,
   * Settings, JIT), rendered from the saved JSON; {@code fallback} (the text kept in the results)
   * when the JSON file is absent or cannot be read.
   */
  String text(String planJsonFile, String fallback) {
    Path source = source(planJsonFile);
    if (source == null) {
      return fallback;
    }
    Path txt = textBeside(source);
    try {
      if (Files.isRegularFile(txt)) {
        return Files.readString(txt, StandardCharsets.UTF_8);
      }
      return PlanTextRenderer.render(dev.indexlab.explain.PlanFiles.load(source));
    } catch (IOException | RuntimeException e) {
      return fallback;
    }
  }

  /** {@code NN-label.txt} beside {@code NN-label.json}. */
  private static Path textBeside(Path json) {
    String name = json.getFileName().toString();
    String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return json.resolveSibling(stem + ".txt");
  }

  /**
   * The JSON file of a drill-down's plan: beside its statement's, named by {@link
   * dev.indexlab.explain.PlanFiles#drillDownName} along the chain of constraints from the statement
   * down to it; null without a statement file.
   */
  static String drillDownFile(String statementJsonFile, List<String> constraints) {
    if (statementJsonFile == null || !statementJsonFile.endsWith(".json")) {
      return null;
    }
    String name = statementJsonFile.substring(0, statementJsonFile.length() - ".json".length());
    for (String c : constraints) {
      name = dev.indexlab.explain.PlanFiles.drillDownName(name, c);
    }
    return name + ".json";
  }

  private Path source(String planJsonFile) {
    if (planJsonFile == null || planJsonFile.isBlank()) {
      return null;
    }
    Path source = resultsDir.resolve(planJsonFile).normalize();
    return Files.isRegularFile(source) ? source : null;
  }

  /** The .txt renderings copied beside the linked plans, relative to the output directory. */
  TreeSet<String> copiedText() {
    return new TreeSet<>(copiedText);
  }

  /** Every plan linked so far, relative to the output directory, sorted. */
  TreeSet<String> copied() {
    return new TreeSet<>(copied);
  }

  private static String slashes(Path path) {
    return path.toString().replace('\\', '/');
  }
}
