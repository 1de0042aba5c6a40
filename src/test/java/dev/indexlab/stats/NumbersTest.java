package dev.indexlab.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {
  @Test
  void aDropThatIsNotCompleteNeverReadsAsAHundredPercent() {
    assertThat(Numbers.percentChange(62.3, 0.728)).isEqualTo("98.8");
    assertThat(Numbers.percentChange(150, 0.01)).isEqualTo("99.99");
    assertThat(Numbers.percentChange(1000, 0.001)).isEqualTo("99.9999");
    assertThat(Numbers.percentChange(10, 0)).isEqualTo("100.0");
  }

  @Test
  void aSmallChangeIsNotRoundedToNothing() {
    assertThat(Numbers.percentChange(100, 100.04)).isEqualTo("0.04");
    assertThat(Numbers.percentChange(100, 100)).isEqualTo("0.0");
  }

  @Test
  void millisecondsKeepThreeSignificantDigits() {
    assertThat(Numbers.ms(63.24)).isEqualTo("63.2");
    assertThat(Numbers.ms(0.7184)).isEqualTo("0.718");
    assertThat(Numbers.ms(5.271)).isEqualTo("5.27");
    assertThat(Numbers.ms(1290.4)).isEqualTo("1,290");
    assertThat(Numbers.ms(Double.NaN)).isEqualTo("n/a");
  }

  @Test
  void settingsAreWrittenPlainlyAndPValuesAsThePagesGiveThem() {
    assertThat(Numbers.plain(100 * 0.99)).isEqualTo("99");
    assertThat(Numbers.plain(0.01)).isEqualTo("0.01");
    assertThat(Numbers.plain(3.09)).isEqualTo("3.09");
    assertThat(Numbers.plain(100.0)).isEqualTo("100");
    assertThat(Numbers.pValue(0.0004)).isEqualTo("p < 0.001");
    assertThat(Numbers.pValue(0.0123)).isEqualTo("p = 0.012");
  }
}
