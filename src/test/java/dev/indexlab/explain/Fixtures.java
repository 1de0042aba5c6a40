package dev.indexlab.explain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** Captured plans under src/test/resources/plans: NAME.json and the server's NAME.server.txt. */
final class Fixtures {
  private Fixtures() {}

  static String json(String name) {
    return read("/plans/" + name + ".json");
  }

  static Plan plan(String name) {
    return PlanJsonParser.parse(json(name));
  }

  /** The server's own text for another execution of the same statement (same options). */
  static List<String> serverText(String name) {
    return read("/plans/" + name + ".server.txt").lines().toList();
  }

  static String read(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      return new String(
          Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
