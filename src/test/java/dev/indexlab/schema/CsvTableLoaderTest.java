package dev.indexlab.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTableLoaderTest {
  @Test
  void headerFieldsFollowCsvQuoting() {
    assertThat(CsvTableLoader.fields("id, \"starRating\",\"a,b\",\"say \"\"hi\"\"\",last"))
        .containsExactly("id", "starRating", "a,b", "say \"hi\"", "last");
    assertThat(CsvTableLoader.fields("single")).containsExactly("single");
  }
}
