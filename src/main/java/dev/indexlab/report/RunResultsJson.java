package dev.indexlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.indexlab.IndexlabException;
import dev.indexlab.Json;
import dev.indexlab.results.RunResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes {@code results.json}, the one file a run leaves for reports and the gate.
 *
 * <pre>{@code
 * RunResultsJson.write(results, dir.resolve(RunResultsJson.FILE_NAME));
 * RunResults again = RunResultsJson.read(dir.resolve(RunResultsJson.FILE_NAME));
 * }</pre>
 *
 * <p>Output is deterministic: record components in declaration order, map entries sorted by key,
 * two-space indentation, {@code \n} line ends whatever the platform, and a final newline. Numbers
 * that are not finite (NaN marks a missing measurement) are written as the strings {@code "NaN"},
 * {@code "Infinity"} and read back as such. Unknown properties are ignored on reading, so a newer
 * file still loads into an older model.
 */
public final class RunResultsJson {
  /** The file name inside a results or reports directory. */
  public static final String FILE_NAME = "results.json";

  private static final ObjectWriter WRITER =
      Json.mapper()
          .writer(
              new DefaultPrettyPrinter()
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance))
          .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private RunResultsJson() {}

  /** The results as JSON text, ending with a newline. */
  public static String toJson(RunResults results) {
    try {
      return WRITER.writeValueAsString(results) + "\n";
    } catch (JsonProcessingException e) {
      throw IndexlabException.failed("cannot serialize the run results: " + e.getMessage(), e);
    }
  }

  /**
   * Parses results from JSON text.
   *
   * @throws IndexlabException (usage) naming {@code source} when the text is not valid results
   */
  public static RunResults fromJson(String json, String source) {
    try {
      RunResults results = Json.mapper().readValue(json, RunResults.class);
      if (results == null || results.meta() == null || results.scenarios() == null) {
        throw IndexlabException.usage(
            source + " is not an indexlab results file (no meta/scenarios)");
      }
      return results;
    } catch (JsonProcessingException e) {
      String detail = e.getOriginalMessage().lines().findFirst().orElse("invalid JSON");
      throw IndexlabException.usage(
          "cannot read "
              + source
              + ": "
              + detail
              + " (line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + ")");
    }
  }

  /**
   * Reads {@code file}.
   *
   * @throws IndexlabException (usage, one line naming the file) when it is missing or not valid
   *     results
   */
  public static RunResults read(Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw IndexlabException.usage("no results file: " + file);
    } catch (IOException e) {
      throw IndexlabException.usage("cannot read " + file + ": " + e.getMessage());
    }
    return fromJson(json, file.toString());
  }

  /** Writes {@code results} to {@code file}, creating its directory. */
  public static void write(RunResults results, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, toJson(results), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw IndexlabException.failed("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
