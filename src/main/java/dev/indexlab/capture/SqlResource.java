package dev.indexlab.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A catalog query of this package, kept as a .sql resource beside the classes. */
final class SqlResource {
  private SqlResource() {}

  /** The text of {@code dev/indexlab/capture/<name>}. */
  static String text(String name) {
    try (InputStream in = SqlResource.class.getResourceAsStream(name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
