package dev.indexlab.explain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.indexlab.IndexlabException;
import dev.indexlab.scenario.RunResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A scenario's findings, written beside its plans as {@code findings.json} (for the advisor and the
 * gate) and {@code findings.md} (for people).
 */
public final class FindingsFile {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private FindingsFile() {}

  /** Writes both files into {@code dir}; returns the JSON file. */
  public static Path write(Path dir, String scenario, List<RunResults.Finding> findings) {
    try {
      Files.createDirectories(dir);
      Path json = dir.resolve("findings.json");
      JSON.writeValue(json.toFile(), findings);
      StringBuilder md = new StringBuilder();
      md.append("# Findings: ").append(scenario).append("\n\n");
      if (findings.isEmpty()) {
        md.append("Nothing to flag.\n");
      }
      for (RunResults.Finding f : findings) {
        md.append("- **")
            .append(f.kind())
            .append("** ")
            .append(f.route())
            .append(" statement ")
            .append(f.statement() + 1)
            .append(" (")
            .append(f.node())
            .append("): ")
            .append(f.message())
            .append('\n');
      }
      Files.writeString(dir.resolve("findings.md"), md, StandardCharsets.UTF_8);
      return json;
    } catch (IOException e) {
      throw IndexlabException.failed("cannot write findings to " + dir + ": " + e.getMessage(), e);
    }
  }
}
