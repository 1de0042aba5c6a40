package dev.indexlab.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Chooses the words for a before/after pair from the numbers alone, so prose can never contradict
 * the table next to it.
 *
 * <p>A change counts only when it is significant. For JMH means that is the run's own verdict (or,
 * without one, non-overlapping 99.9% confidence intervals); for EXPLAIN medians, which carry no
 * interval, a change smaller than {@value #NOISE_FRACTION_PERCENT}% or {@value #NOISE_MS} ms is
 * treated as noise. A significant change is "much faster" when the time drops by at least 90%,
 * "faster" otherwise; "much slower" when it at least doubles, "slower" otherwise.
 */
final class ChangeWording {
  /** EXPLAIN changes below this fraction (in percent) are called noise. */
  static final int NOISE_FRACTION_PERCENT = 10;

  /** EXPLAIN changes below this many milliseconds are called noise. */
  static final double NOISE_MS = 0.02;

  /** The verdict of a comparison. */
  enum Verdict {
    MUCH_FASTER("much faster"),
    FASTER("faster"),
    NO_CHANGE("no measurable change"),
    SLOWER("slower"),
    MUCH_SLOWER("much slower"),
    MISSING("not measured");

    private final String words;

    Verdict(String words) {
      this.words = words;
    }

    String words() {
      return words;
    }

    boolean improved() {
      return this == MUCH_FASTER || this == FASTER;
    }

    boolean regressed() {
      return this == SLOWER || this == MUCH_SLOWER;
    }
  }

  private ChangeWording() {}

  static boolean present(double ms) {
    return Double.isFinite(ms) && ms >= 0;
  }

  /** The verdict for two times when {@code significant} says whether the difference is real. */
  static Verdict verdict(double before, double after, boolean significant) {
    if (!present(before) || !present(after) || before == 0) {
      return Verdict.MISSING;
    }
    if (!significant || after == before) {
      return Verdict.NO_CHANGE;
    }
    double fraction = (after - before) / before;
    if (fraction < 0) {
      return fraction <= -0.9 ? Verdict.MUCH_FASTER : Verdict.FASTER;
    }
    return fraction >= 1.0 ? Verdict.MUCH_SLOWER : Verdict.SLOWER;
  }

  /** The verdict for two EXPLAIN execution times (medians), with the noise rule above. */
  static Verdict explainVerdict(double before, double after) {
    boolean significant =
        Math.abs(after - before) >= NOISE_MS
            && Math.abs(after - before) >= before * NOISE_FRACTION_PERCENT / 100.0;
    return verdict(before, after, significant);
  }

  /**
   * Whether two JMH means differ beyond their 99.9% confidence intervals ({@code mean ± error}); an
   * unknown error counts as no interval, so any difference of at least 5% counts.
   */
  static boolean intervalsApart(
      double meanBefore, double errorBefore, double meanAfter, double errorAfter) {
    double eb = Double.isFinite(errorBefore) ? errorBefore : 0;
    double ea = Double.isFinite(errorAfter) ? errorAfter : 0;
    if (eb == 0 && ea == 0) {
      return Math.abs(meanAfter - meanBefore) >= 0.05 * meanBefore;
    }
    return Math.abs(meanAfter - meanBefore) > eb + ea;
  }

  /**
   * "from 65.3 ms to 1.22 ms, a 98.1% improvement" (or "…, 12.0% slower", or "…: no measurable
   * change"); with a missing side, says which side was not measured.
   */
  static String fromTo(double before, double after, Verdict verdict) {
    if (!present(before) || !present(after)) {
      return "not comparable: "
          + (present(before) ? "" : "no time before")
          + (!present(before) && !present(after) ? " and " : "")
          + (present(after) ? "" : "no time after");
    }
    String range =
        "from " + ReportFormat.msWithUnit(before) + " to " + ReportFormat.msWithUnit(after);
    if (verdict.improved()) {
      return range + ", a " + unsignedPercent((before - after) / before) + " improvement";
    }
    if (verdict.regressed()) {
      return range + ", " + unsignedPercent((after - before) / before) + " slower";
    }
    return range + ": no measurable change";
  }

  /**
   * A fraction as an unsigned percentage with one decimal: 0.981 → "98.1%"; a fraction just under 1
   * that would round to 100.0% keeps two decimals, truncated (0.99984 → "99.98%"), or says
   * ">99.99%".
   */
  static String unsignedPercent(double fraction) {
    double abs = Math.abs(fraction);
    String signed = ReportFormat.percent(abs);
    String text = signed.startsWith("+") ? signed.substring(1) : signed;
    if (text.equals("100.0%") && abs < 1) {
      // 392 ms to 0.061 ms is not a 100% improvement: show the digits that say so
      BigDecimal pct = BigDecimal.valueOf(abs).movePointRight(2).setScale(2, RoundingMode.DOWN);
      return pct.compareTo(new BigDecimal("99.99")) >= 0 ? ">99.99%" : pct.toPlainString() + "%";
    }
    return text;
  }

  /**
   * The relative change from {@code before} to {@code after}, signed ("-97.1%", "+4.2%", "0.0%"),
   * with the precision of {@link #unsignedPercent} near -100%; "n/a" without a positive before.
   */
  static String signedPercent(double before, double after) {
    if (!present(before) || !present(after) || before == 0) {
      return ReportFormat.NOT_AVAILABLE;
    }
    String text = unsignedPercent((after - before) / before);
    if (text.equals("0.0%")) {
      return text;
    }
    return (after < before ? "-" : "+") + text;
  }

  /** The signed change in ms with an explicit sign: "+0.012", "-64.2", "0". */
  static String signedMs(double before, double after) {
    if (!present(before) || !present(after)) {
      return ReportFormat.NOT_AVAILABLE;
    }
    double delta = after - before;
    String text = ReportFormat.ms(delta);
    return delta > 0 ? "+" + text : text;
  }
}
