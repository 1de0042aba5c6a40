package dev.indexlab.seed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedOptionsTest {
  @Test
  void showsScalesAsWritten() {
    assertThat(SeedOptions.show(1)).isEqualTo("1");
    assertThat(SeedOptions.show(0.01)).isEqualTo("0.01");
    assertThat(SeedOptions.show(2.5)).isEqualTo("2.5");
  }
}
