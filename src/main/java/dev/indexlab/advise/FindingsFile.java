package dev.indexlab.advise;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.indexlab.IndexlabException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes plan findings as a JSON array of {@link PlanFinding} objects. Unknown fields are
 * ignored and unknown kinds read as {@link FindingKind#OTHER}, so a richer findings file from the
 * explain step can be read as it is.
 *
 * <pre>{@code
 * [{"kind": "SEQ_SCAN_REMOVES_MOST_ROWS", "table": "song_history",
 *   "equalityColumns": ["user_id"], "route": "users_delete", "statement": 1,
 *   "trigger": "song_history_user_id_fkey", "numbers": {"rowsRemoved": 918892}}]
 * }</pre>
 */
public final class FindingsFile {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE, true)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private FindingsFile() {}

  /**
   * The findings in {@code file}, in this class's format or in the explain step's ({@link
   * ExplainFindings}); a usage error naming the file when it cannot be read.
   */
  public static List<PlanFinding> read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw IndexlabException.usage(file + ": not a findings file: " + firstLine(e.getMessage()));
    }
  }

  /**
   * Findings from JSON text: an array of {@link PlanFinding} objects, or of the explain step's
   * findings (pass {@code FindingReport.json(findings)} to use them in-process).
   */
  public static List<PlanFinding> parse(String json) throws IOException {
    JsonNode root = JSON.readTree(json);
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("expected a JSON array of findings");
    }
    List<JsonNode> explain = new ArrayList<>();
    List<PlanFinding> out = new ArrayList<>();
    for (JsonNode n : root) {
      if (ExplainFindings.isExplainFinding(n)) {
        explain.add(n);
      } else {
        out.add(JSON.treeToValue(n, PlanFinding.class));
      }
    }
    out.addAll(ExplainFindings.convert(explain));
    return out;
  }

  /** Writes {@code findings} to {@code file}. */
  public static void write(Path file, List<PlanFinding> findings) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    JSON.writeValue(file.toFile(), findings);
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.split("\\R", 2)[0];
  }
}
