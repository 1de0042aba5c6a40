package dev.indexlab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The SQL that lives in {@code .sql} resources beside the classes that run it. */
public final class SqlResources {
  private SqlResources() {}

  /**
   * The text of resource {@code name} in {@code owner}'s package (for example {@code
   * "constraints.sql"} next to {@code dev/indexlab/seed/}).
   *
   * @throws IllegalStateException when the resource is not on the classpath
   */
  public static String text(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
