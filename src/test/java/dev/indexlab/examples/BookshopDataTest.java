package dev.indexlab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BookshopDataTest {
  private static final Path DATA = Path.of("examples/bookshop/data");

  @Test
  void committedCsvFilesAreWhatTheGeneratorWrites() throws Exception {
    Map<String, String> expected = BookshopData.generate();
    try (var files = Files.list(DATA)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(expected.keySet());
    }
    for (Map.Entry<String, String> f : expected.entrySet()) {
      assertThat(Files.readString(DATA.resolve(f.getKey()), StandardCharsets.UTF_8))
          .as(f.getKey())
          .isEqualTo(f.getValue());
    }
  }

  @Test
  void generationIsDeterministicAndSmall() {
    Map<String, String> a = BookshopData.generate();
    assertThat(BookshopData.generate()).isEqualTo(a);
    long bytes = a.values().stream().mapToLong(String::length).sum();
    assertThat(bytes).isLessThan(2_000_000);
    assertThat(a.get("books.csv").lines().count()).isEqualTo(BookshopData.BOOKS + 1);
  }
}
