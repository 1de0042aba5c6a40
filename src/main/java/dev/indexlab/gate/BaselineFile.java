package dev.indexlab.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.indexlab.IndexlabException;
import dev.indexlab.Json;
import dev.indexlab.text.OneLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes {@link Baseline} files: JSON, indented, with a {@code format} number first.
 *
 * <pre>{@code
 * BaselineFile.write(baseline, Path.of("indexlab-baseline.json"));
 * Baseline b = BaselineFile.read(Path.of("indexlab-baseline.json"));
 * }</pre>
 *
 * <p>Unknown properties are ignored, so a file written by a later indexlab with the same format
 * still reads. Every problem reading a file is a usage error ({@link IndexlabException#USAGE})
 * whose one-line message names the file: missing, unreadable, not JSON, not a baseline, or a format
 * this indexlab does not know.
 */
public final class BaselineFile {

  private BaselineFile() {}

  /** Writes {@code baseline} to {@code file}, creating its folder; a job failure on I/O errors. */
  public static void write(Baseline baseline, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Json.pretty().writeValue(file.toFile(), baseline);
    } catch (IOException e) {
      throw new IndexlabException(
          IndexlabException.USAGE, "cannot write baseline " + file + ": " + e.getMessage(), e);
    }
  }

  /** The baseline in {@code file}; a usage error naming the file when it cannot be used. */
  public static Baseline read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw IndexlabException.usage("baseline " + file + ": no such file");
    } catch (IOException e) {
      throw new IndexlabException(
          IndexlabException.USAGE, "baseline " + file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** Parses a baseline's JSON text; {@code name} names it in messages. */
  static Baseline parse(String text, String name) {
    String corrupt = "baseline " + name + " is not an indexlab baseline file";
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IndexlabException(
          IndexlabException.USAGE, corrupt + " (not JSON: " + e.getOriginalMessage() + ")", e);
    }
    if (tree == null || !tree.isObject() || !tree.path("format").isInt()) {
      throw IndexlabException.usage(corrupt + " (no format number)");
    }
    int format = tree.get("format").asInt();
    if (format != Baseline.FORMAT) {
      throw IndexlabException.usage(
          "baseline "
              + name
              + " has format "
              + format
              + "; this indexlab reads format "
              + Baseline.FORMAT
              + " (save the baseline again with this version)");
    }
    Baseline b;
    try {
      b = Json.mapper().treeToValue(tree, Baseline.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new IndexlabException(
          IndexlabException.USAGE,
          corrupt + " (" + OneLine.first(why == null ? "unreadable" : why) + ")",
          e);
    }
    if (b.meta() == null || b.meta().workload() == null) {
      throw IndexlabException.usage(corrupt + " (no meta section)");
    }
    for (RouteSnapshot r : b.routes()) {
      if (r == null || r.id() == null) {
        throw IndexlabException.usage(corrupt + " (a route without an id)");
      }
    }
    return b;
  }

  /** The JSON text of {@code baseline}. */
  static String toJson(Baseline baseline) {
    try {
      return Json.pretty().writeValueAsString(baseline);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the baseline", e);
    }
  }
}
