package dev.indexlab.report;

import dev.indexlab.IndexlabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

  PlanFiles(Path resultsDir, Path outDir) {
    this.resultsDir = resultsDir.toAbsolutePath().normalize();
    this.outDir = outDir.toAbsolutePath().normalize();
  }

  /**
   * The link (relative to the output directory, with {@code /} separators) to the plan file, after
   * copying it there; empty when the results name no file or the file does not exist.
   */
  Optional<String> link(String planJsonFile) {
    if (planJsonFile == null || planJsonFile.isBlank()) {
      return Optional.empty();
    }
    Path source = resultsDir.resolve(planJsonFile).normalize();
    if (!Files.isRegularFile(source)) {
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
      if (!target.equals(source)) {
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw IndexlabException.failed("cannot copy plan " + source + ": " + e.getMessage(), e);
    }
    copied.add(relative);
    return Optional.of(relative);
  }

  /** Every plan linked so far, relative to the output directory, sorted. */
  TreeSet<String> copied() {
    return new TreeSet<>(copied);
  }

  private static String slashes(Path path) {
    return path.toString().replace('\\', '/');
  }
}
