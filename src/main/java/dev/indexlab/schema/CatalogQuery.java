package dev.indexlab.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The catalog queries this package runs, kept as .sql resources next to its classes. */
final class CatalogQuery {
  private CatalogQuery() {}

  /** The text of {@code dev/indexlab/schema/NAME}. */
  static String text(String name) {
    try (InputStream in = CatalogQuery.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource dev/indexlab/schema/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
