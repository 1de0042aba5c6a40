package dev.indexlab.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.IndexlabException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A failed Flyway migration is reported as {@code folder/file:line: message}. */
class FlywayProblemTest {
  static final Path FOLDER = Path.of("/work/shop/schema");

  private static IndexlabException failure(String flywayMessage) {
    return new IndexlabException(
        IndexlabException.USAGE,
        FOLDER + ": migration failed: Message    : ERROR: column \"x\" does not exist",
        new RuntimeException(flywayMessage));
  }

  @Test
  void namesTheScriptAndLineOfFlywaysCurrentMessage() {
    String flyway =
        String.join(
            "\n",
            "Failed to execute script V2__orders.sql",
            "--------------------------------------------------",
            "SQL State  : 42703",
            "Message    : ERROR: column \"x\" does not exist",
            "Location   : /work/shop/schema/V2__orders.sql (/work/shop/schema/V2__orders.sql)",
            "Line       : 7",
            "");
    assertThat(SchemaLoader.flywayProblem(FOLDER, failure(flyway)))
        .isEqualTo("/work/shop/schema/V2__orders.sql:7: column \"x\" does not exist");
  }

  @Test
  void namesTheScriptOfTheOlderMessageAndFallsBackToTheExceptionsOwn() {
    String older = "Migration V3__more.sql failed\nMessage    : ERROR: boom\n";
    assertThat(SchemaLoader.flywayProblem(FOLDER, failure(older)))
        .isEqualTo("/work/shop/schema/V3__more.sql: boom");
    assertThat(SchemaLoader.flywayProblem(FOLDER, failure("something else")))
        .isEqualTo(FOLDER + ": migration failed: Message    : ERROR: column \"x\" does not exist");
  }
}
