package dev.indexlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ScaleConverterTest {
  private final ScaleConverter converter = new ScaleConverter();

  @Test
  void acceptsPositiveNumbers() {
    assertThat(converter.convert("1")).isEqualTo(1.0);
    assertThat(converter.convert("0.01")).isEqualTo(0.01);
    assertThat(converter.convert(" 2.5 ")).isEqualTo(2.5);
  }

  @Test
  void rejectsZeroNegativeAndNonNumbers() {
    for (String bad : new String[] {"0", "-1", "abc", "NaN", "Infinity", ""}) {
      assertThatThrownBy(() -> converter.convert(bad)).isInstanceOf(TypeConversionException.class);
    }
  }
}
