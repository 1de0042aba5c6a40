package dev.indexlab.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How figures are written wherever indexlab prints them: milliseconds to three significant digits,
 * ratios to three, and percentages of change with enough digits that a drop which is not complete
 * never reads as 100%.
 */
public final class Numbers {
  private Numbers() {}

  /** Milliseconds to three significant digits: 63.2, 0.718, 1,290 (no unit). */
  public static String ms(double ms) {
    if (!Double.isFinite(ms)) {
      return "n/a";
    }
    double a = Math.abs(ms);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", ms);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f", ms);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", ms);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", ms);
    }
    if (a >= 0.001 || a == 0) {
      return String.format(Locale.ROOT, "%.3f", ms);
    }
    return String.format(Locale.ROOT, "%.2g", ms);
  }

  /** A number as plainly as it can be written, to six decimals at most: 99, 0.01, 0.05, 12.5. */
  public static String plain(double v) {
    return BigDecimal.valueOf(v)
        .setScale(6, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** A test's p-value as the pages write it: "p = 0.004", or "p < 0.001" below that. */
  public static String pValue(double p) {
    return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
  }

  /** A ratio to three significant digits: 0.0113, 0.718, 1.05, 12.3. */
  public static String ratio(double r) {
    if (!Double.isFinite(r)) {
      return "n/a";
    }
    if (r >= 10) {
      return String.format(Locale.ROOT, "%.1f", r);
    }
    if (r >= 1) {
      return String.format(Locale.ROOT, "%.2f", r);
    }
    return String.format(Locale.ROOT, "%.3g", r);
  }

  /**
   * The size of a change from {@code before} to {@code after} as a percentage without its sign: one
   * decimal ("98.8"), more where one would round a drop that is not complete to 100 or a change
   * that is not zero to 0 ("99.97", "0.04").
   */
  public static String percentChange(double before, double after) {
    double p = 100 * Math.abs(after - before) / before;
    if (!Double.isFinite(p)) {
      return "n/a";
    }
    String s = String.format(Locale.ROOT, "%.1f", p);
    for (int digits = 2; digits <= 6; digits++) {
      double shown = Double.parseDouble(s);
      boolean roundsToFull = after < before && after > 0 && shown >= 100;
      boolean roundsToNone = p > 0 && shown == 0;
      if (!roundsToFull && !roundsToNone) {
        break;
      }
      s = String.format(Locale.ROOT, "%." + digits + "f", p);
    }
    return s;
  }
}
