package dev.indexlab.report;

import dev.indexlab.IndexlabException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The list of files a report wrote into its folder ({@value #FILE}), so that the next report into
 * the same folder removes the pages and plan files it no longer writes (a candidate the new run
 * does not have) and nothing else: a file indexlab did not write there is never touched.
 */
final class ReportManifest {
  /** The manifest's name in the report folder. */
  static final String FILE = ".indexlab-report-files";

  private ReportManifest() {}

  /**
   * Deletes the files the previous manifest in {@code outDir} lists that are not in {@code written}
   * (and the folders that leaves empty), then records {@code written} (paths relative to {@code
   * outDir}, {@code /} separators) as the new manifest.
   */
  static void replace(Path outDir, List<String> written) {
    Path manifest = outDir.resolve(FILE);
    Path root = outDir.toAbsolutePath().normalize();
    try {
      if (Files.isRegularFile(manifest)) {
        Set<String> keep = new HashSet<>(written);
        for (String old : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
          Path file = root.resolve(old).normalize();
          if (old.isBlank() || keep.contains(old) || !file.startsWith(root)) {
            continue;
          }
          Files.deleteIfExists(file);
          removeEmptyFolders(file.getParent(), root);
        }
      }
      Files.write(manifest, written, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw IndexlabException.failed(
          "cannot tidy the report folder " + outDir + ": " + e.getMessage(), e);
    }
  }

  private static void removeEmptyFolders(Path folder, Path root) throws IOException {
    for (Path f = folder; f != null && f.startsWith(root) && !f.equals(root); f = f.getParent()) {
      try {
        Files.deleteIfExists(f);
      } catch (DirectoryNotEmptyException notEmpty) {
        return;
      }
    }
  }
}
