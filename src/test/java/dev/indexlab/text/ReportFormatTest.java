package dev.indexlab.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
  @Test
  void millisecondsKeepAFewSignificantDigits() {
    assertThat(ReportFormat.ms(0.0123)).isEqualTo("0.012");
    assertThat(ReportFormat.ms(0.00123)).isEqualTo("0.001");
    assertThat(ReportFormat.ms(0.65)).isEqualTo("0.650");
    assertThat(ReportFormat.ms(1.2345)).isEqualTo("1.23");
    assertThat(ReportFormat.ms(9.999)).isEqualTo(dev.indexlab.stats.Numbers.ms(9.999));
    assertThat(ReportFormat.ms(65.261)).isEqualTo("65.3");
    assertThat(ReportFormat.ms(516.8)).isEqualTo("517");
    assertThat(ReportFormat.ms(999.6)).isEqualTo(dev.indexlab.stats.Numbers.ms(999.6));
    assertThat(ReportFormat.ms(25890.4)).isEqualTo("25,890");
    assertThat(ReportFormat.ms(-63.96)).isEqualTo("-64.0");
    assertThat(ReportFormat.ms(0)).isEqualTo("0.000");
    assertThat(ReportFormat.ms(Double.NaN)).isEqualTo("n/a");
    assertThat(ReportFormat.msWithUnit(1.217)).isEqualTo("1.22 ms");
  }

  @Test
  void percentagesAreSignedWithOneDecimal() {
    assertThat(ReportFormat.percent(-0.981)).isEqualTo("-98.1%");
    assertThat(ReportFormat.percent(0.032)).isEqualTo("+3.2%");
    assertThat(ReportFormat.percent(-0.0004)).isEqualTo("0.0%");
    assertThat(ReportFormat.percent(24)).isEqualTo("+2,400%");
    assertThat(ReportFormat.percentChange(65.261, 1.217)).isEqualTo("-98.1%");
    assertThat(ReportFormat.percent(Double.POSITIVE_INFINITY)).isEqualTo("n/a");
  }

  @Test
  void byteSizesUsePostgresUnits() {
    assertThat(ReportFormat.bytes(512)).isEqualTo("512 B");
    assertThat(ReportFormat.bytes(16_384)).isEqualTo("16 kB");
    assertThat(ReportFormat.bytes(8_598_323)).isEqualTo("8.2 MB");
    assertThat(ReportFormat.bytes(1_048_575)).isEqualTo("1.0 MB");
    assertThat(ReportFormat.bytes(3L << 30)).isEqualTo("3.0 GB");
  }

  @Test
  void ignoresTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(ReportFormat.ms(25890.4)).isEqualTo("25,890");
      assertThat(ReportFormat.ms(1.2345)).isEqualTo("1.23");
      assertThat(ReportFormat.ratio(2.014)).isEqualTo("2.01×");
    } finally {
      Locale.setDefault(saved);
    }
  }
}
