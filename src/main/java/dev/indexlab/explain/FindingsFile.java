package dev.indexlab.explain;

import dev.indexlab.IndexlabException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A scenario's findings, written beside its plans as {@code findings.json} ({@link
 * FindingReport#json}, which {@code indexlab advise --findings} reads) and {@code findings.md} (for
 * people).
 */
public final class FindingsFile {
  private FindingsFile() {}

  /** Writes both files into {@code dir}; returns the JSON file. */
  public static Path write(Path dir, String scenario, List<Finding> findings) {
    try {
      Files.createDirectories(dir);
      Path json = dir.resolve("findings.json");
      Files.writeString(json, FindingReport.json(findings), StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("findings.md"),
          "# Findings: " + scenario + "\n\n" + FindingReport.markdown(findings),
          StandardCharsets.UTF_8);
      return json;
    } catch (IOException e) {
      throw IndexlabException.failed("cannot write findings to " + dir + ": " + e.getMessage(), e);
    }
  }
}
