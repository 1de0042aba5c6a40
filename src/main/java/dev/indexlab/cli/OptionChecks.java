package dev.indexlab.cli;

import dev.indexlab.IndexlabException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checks a command makes on its option values before it starts a server or seeds a row: numbers
 * that must be finite and in range, and output paths that must be writable. Each failure is a usage
 * error (exit 2) naming the option, so a bad value never costs a measurement.
 */
final class OptionChecks {
  private OptionChecks() {}

  /** {@code value} must be a finite number of at least 0. */
  static void nonNegative(String option, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw IndexlabException.usage(option + " must be a finite number >= 0, was " + value);
    }
  }

  /** {@code value} must be a finite number greater than 0. */
  static void positive(String option, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw IndexlabException.usage(option + " must be a finite number > 0, was " + value);
    }
  }

  /** {@code value} must be at least {@code min}. */
  static void atLeast(String option, long value, long min) {
    if (value < min) {
      throw IndexlabException.usage(option + " must be at least " + min + ", was " + value);
    }
  }

  /**
   * {@code dir} must be a directory indexlab can create or write into: the path itself, or its
   * nearest existing ancestor, is a writable directory (not a file).
   */
  static void writableDirectory(String option, Path dir) {
    Path existing = nearestExisting(dir.toAbsolutePath().normalize());
    if (existing == null) {
      throw IndexlabException.usage(option + " " + dir + ": no part of the path exists");
    }
    if (!Files.isDirectory(existing)) {
      throw IndexlabException.usage(option + " " + dir + ": " + existing + " is not a directory");
    }
    if (!Files.isWritable(existing)) {
      throw IndexlabException.usage(option + " " + dir + ": " + existing + " is not writable");
    }
  }

  /**
   * {@code file} must be a file indexlab can write: an existing writable regular file, or a new one
   * in a directory that {@link #writableDirectory} accepts.
   */
  static void writableFile(String option, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      throw IndexlabException.usage(option + " " + file + ": is a directory");
    }
    if (Files.exists(absolute)) {
      if (!Files.isWritable(absolute)) {
        throw IndexlabException.usage(option + " " + file + ": is not writable");
      }
      return;
    }
    Path parent = absolute.getParent();
    if (parent != null) {
      writableDirectory(option, parent);
    }
  }

  private static Path nearestExisting(Path p) {
    Path at = p;
    while (at != null && !Files.exists(at)) {
      at = at.getParent();
    }
    return at;
  }
}
