package dev.indexlab.text;

import dev.indexlab.stats.Numbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Formats the numbers of a report: the same value always gives the same text (Locale.ROOT, half-up
 * rounding of the shortest decimal form of the double), whatever the machine's locale.
 */
public final class ReportFormat {
  /** Text for a value that cannot be shown (NaN or infinite). */
  public static final String NOT_AVAILABLE = "n/a";

  private static final String[] BYTE_UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

  private ReportFormat() {}

  /** A duration in milliseconds, without unit, as {@link Numbers#ms} writes it. */
  public static String ms(double value) {
    return Numbers.ms(value);
  }

  /** Like {@link #ms(double)} followed by {@code " ms"}. */
  public static String msWithUnit(double value) {
    String text = ms(value);
    return text.equals(NOT_AVAILABLE) ? text : text + " ms";
  }

  /**
   * A relative change given as a fraction, signed, one decimal: {@code -0.981 → "-98.1%"}, {@code
   * 0.032 → "+3.2%"}, {@code 0 → "0.0%"}; from 1,000% up without decimals ({@code 24 → "+2,400%"}).
   */
  public static String percent(double fraction) {
    if (!Double.isFinite(fraction)) {
      return NOT_AVAILABLE;
    }
    BigDecimal pct =
        BigDecimal.valueOf(fraction).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    if (pct.signum() == 0) {
      return "0.0%";
    }
    String sign = pct.signum() < 0 ? "-" : "+";
    BigDecimal abs = pct.abs();
    if (abs.compareTo(BigDecimal.valueOf(1000)) >= 0) {
      return sign + grouped(abs.setScale(0, RoundingMode.HALF_UP).longValueExact()) + "%";
    }
    return sign + abs.toPlainString() + "%";
  }

  /** The change from {@code before} to {@code after} as {@link #percent(double)}. */
  public static String percentChange(double before, double after) {
    return percent((after - before) / before);
  }

  /**
   * A size in bytes with 1024-based units named as PostgreSQL's {@code pg_size_pretty} names them
   * (B, kB, MB, GB, TB, PB): one decimal below 10 of a unit ({@code 8_598_323 → "8.2 MB"}), none
   * from 10 up ({@code 16_384 → "16 kB"}), plain bytes below 1 kB ({@code 512 → "512 B"}).
   */
  public static String bytes(long bytes) {
    if (bytes < 0) {
      return "-" + bytes(-bytes);
    }
    if (bytes < 1024) {
      return bytes + " B";
    }
    BigDecimal value = BigDecimal.valueOf(bytes);
    BigDecimal unitSize = BigDecimal.valueOf(1024);
    int unit = 0;
    while (unit < BYTE_UNITS.length - 1 && value.compareTo(unitSize) >= 0) {
      value = value.divide(unitSize);
      unit++;
    }
    BigDecimal shown = value.setScale(1, RoundingMode.HALF_UP);
    if (shown.compareTo(BigDecimal.TEN) >= 0) {
      shown = value.setScale(0, RoundingMode.HALF_UP);
      if (shown.compareTo(unitSize) >= 0 && unit < BYTE_UNITS.length - 1) {
        return "1.0 " + BYTE_UNITS[unit + 1];
      }
    }
    return shown.toPlainString() + " " + BYTE_UNITS[unit];
  }

  /** A whole number with thousands separators: {@code 25890 → "25,890"}. */
  public static String grouped(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** A ratio with two decimals and a times sign: {@code 2.014 → "2.01×"}. */
  public static String ratio(double ratio) {
    if (!Double.isFinite(ratio)) {
      return NOT_AVAILABLE;
    }
    return BigDecimal.valueOf(ratio).setScale(2, RoundingMode.HALF_UP).toPlainString() + "×";
  }
}
