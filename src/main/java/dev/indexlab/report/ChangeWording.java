package dev.indexlab.report;

import dev.indexlab.results.RunResults.Rule;
import dev.indexlab.results.RunResults.Timing;
import dev.indexlab.stats.Numbers;
import dev.indexlab.stats.Significance;
import dev.indexlab.stats.Significance.Change;
import dev.indexlab.text.ReportFormat;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Chooses the words for a before/after pair from the run's own decision rule ({@link
 * RunResults.Meta#rule()}), so prose can never contradict the decisions or the table next to it.
 *
 * <p>A JMH change counts when {@link Significance} says so for the two sides' samples (the test and
 * the floor per call). EXPLAIN medians carry no samples; a change of them counts when it passes the
 * margins the run decided with: {@code --min-gain} and the floor for a drop, {@code
 * --max-regression} and the floor for a rise. A counted change is "much faster" when the time drops
 * by at least {@link #MUCH_FASTER_DROP}, "faster" otherwise; "much slower" when it rises by at
 * least {@link #MUCH_SLOWER_RISE}, "slower" otherwise. The pages state these from the constants.
 */
final class ChangeWording {
  /** The drop of the time, as a fraction, from which a counted change is "much faster". */
  static final double MUCH_FASTER_DROP = 0.9;

  /** The rise of the time, as a fraction, from which a counted change is "much slower". */
  static final double MUCH_SLOWER_RISE = 1.0;

  /** The verdict of a comparison. */
  enum Verdict {
    MUCH_FASTER("much faster"),
    FASTER("faster"),
    NO_CHANGE("no measurable change"),
    SLOWER("slower"),
    MUCH_SLOWER("much slower"),
    NOT_COMPARED("not compared: no samples"),
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

    boolean changed() {
      return improved() || regressed();
    }
  }

  private final Rule rule;

  ChangeWording(Rule rule) {
    this.rule = rule == null ? Rule.DEFAULTS : rule;
  }

  Rule rule() {
    return rule;
  }

  Significance significance() {
    return rule.significance();
  }

  static boolean present(double ms) {
    return Double.isFinite(ms) && ms >= 0;
  }

  /** A time in ms as the tables write it (no unit), or "not measured" when it is missing. */
  static String ms(double ms) {
    return present(ms) ? ReportFormat.ms(ms) : "not measured";
  }

  /** The rule's comparison of two timings' samples; null when a side kept no sample values. */
  Change compare(Timing before, Timing after) {
    if (before == null || after == null || !before.hasValues() || !after.hasValues()) {
      return null;
    }
    try {
      return significance()
          .compare(before.values(), before.samples(), after.values(), after.samples());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The verdict of the rule's comparison; {@link Verdict#NOT_COMPARED} without one. */
  static Verdict verdict(Change change) {
    if (change == null) {
      return Verdict.NOT_COMPARED;
    }
    if (!change.changed()) {
      return Verdict.NO_CHANGE;
    }
    return magnitude(change.medianBefore(), change.medianAfter());
  }

  private static Verdict magnitude(double before, double after) {
    double fraction = (after - before) / before;
    if (fraction < 0) {
      return fraction <= -MUCH_FASTER_DROP ? Verdict.MUCH_FASTER : Verdict.FASTER;
    }
    return fraction >= MUCH_SLOWER_RISE ? Verdict.MUCH_SLOWER : Verdict.SLOWER;
  }

  /** {@link #MUCH_FASTER_DROP} as the pages write it: "90" (percent less time). */
  static String muchFasterPercent() {
    return Numbers.plain(100 * MUCH_FASTER_DROP);
  }

  /** The verdict for two EXPLAIN execution times (medians), by the run's margins. */
  Verdict explainVerdict(double before, double after) {
    if (!present(before) || !present(after) || before == 0) {
      return Verdict.MISSING;
    }
    double delta = after - before;
    double margin = delta < 0 ? rule.minGain() : rule.maxRegression();
    if (Math.abs(delta) < rule.minGainMs() || Math.abs(delta) < before * margin) {
      return Verdict.NO_CHANGE;
    }
    return magnitude(before, after);
  }

  /** {@link #fromTo} for two EXPLAIN execution times, with {@link #explainVerdict}'s verdict. */
  String explainFromTo(double before, double after) {
    return fromTo(before, after, explainVerdict(before, after));
  }

  /**
   * The rule in words, from its settings: "a JMH change counts when ... ; an EXPLAIN change ...".
   */
  String ruleSentence() {
    var test = significance().test();
    return String.format(
        Locale.ROOT,
        "A JMH change counts when the ratio-of-medians test calls it real (the %s%% bootstrap"
            + " interval of the ratio of the two medians excludes 1 and the Mann-Whitney test gives"
            + " p < %s) and the medians differ by at least %s ms per call; an EXPLAIN change"
            + " (medians of the draws, no samples to test) counts from %s%% and %s ms faster or"
            + " %s%% and %s ms slower, the margins the run decided with.",
        Numbers.plain(test.level() * 100),
        Numbers.plain(test.alpha()),
        Numbers.ms(rule.minGainMs()),
        Numbers.plain(rule.minGain() * 100),
        Numbers.ms(rule.minGainMs()),
        Numbers.plain(rule.maxRegression() * 100),
        Numbers.ms(rule.minGainMs()));
  }

  /** The test's figures: "ratio of medians ×0.011 (CI ×0.010–×0.012), p < 0.001". */
  static String testWords(Change c) {
    return "ratio of medians ×"
        + Numbers.ratio(c.ratio())
        + " (CI ×"
        + Numbers.ratio(c.ciLow())
        + "–×"
        + Numbers.ratio(c.ciHigh())
        + "), "
        + Numbers.pValue(c.pValue());
  }

  /** "1,234 and 2,345 samples", then the test's figures when there is a test. */
  static String samples(long before, long after, Change test) {
    return ReportFormat.grouped(before)
        + " and "
        + ReportFormat.grouped(after)
        + " samples"
        + (test == null ? "" : ", " + testWords(test));
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
      String percent = Numbers.percentChange(before, after);
      return range + ", " + article(percent) + " " + percent + "% improvement";
    }
    if (verdict.regressed()) {
      return range + ", " + Numbers.percentChange(before, after) + "% slower";
    }
    if (verdict == Verdict.NOT_COMPARED) {
      return range + ": not compared (no samples kept)";
    }
    return range + ": no measurable change";
  }

  /** "an" before a number read with a vowel sound ("an 8.2%", "an 11%", "an 81.6%"), else "a". */
  static String article(String number) {
    String whole = number.replaceFirst("^[-+]", "").split("\\.")[0];
    return whole.startsWith("8") || whole.equals("11") || whole.equals("18") ? "an" : "a";
  }

  /**
   * A share (0..1) as a percentage with the digits of {@link Numbers#percentChange}: 0.981 →
   * "98.1%", 0.99984 → "99.98%" (never 100% for a share that is not whole).
   */
  static String share(double fraction) {
    if (!Double.isFinite(fraction)) {
      return ReportFormat.NOT_AVAILABLE;
    }
    return Numbers.percentChange(1, 1 - Math.abs(fraction)) + "%";
  }

  /**
   * The relative change from {@code before} to {@code after}, signed ("-97.1%", "+4.2%", "0.0%"),
   * with the digits of {@link Numbers#percentChange}; "n/a" without a positive before.
   */
  static String signedPercent(double before, double after) {
    if (!present(before) || !present(after) || before == 0) {
      return ReportFormat.NOT_AVAILABLE;
    }
    String text = Numbers.percentChange(before, after) + "%";
    if (after == before) {
      return text;
    }
    return (after < before ? "-" : "+") + text;
  }

  /**
   * The change in ms between two printed times, with an explicit sign and the decimals of the finer
   * of the two ("+0.012", "-62.5", "0.000"): the difference of the figures a reader sees.
   */
  static String signedMs(double before, double after) {
    if (!present(before) || !present(after)) {
      return ReportFormat.NOT_AVAILABLE;
    }
    BigDecimal b = new BigDecimal(ReportFormat.ms(before).replace(",", ""));
    BigDecimal a = new BigDecimal(ReportFormat.ms(after).replace(",", ""));
    BigDecimal delta = a.subtract(b);
    if (delta.abs().compareTo(new BigDecimal("0.1")) >= 0) {
      String text = Numbers.ms(delta.doubleValue());
      return delta.signum() > 0 ? "+" + text : text;
    }
    String text = delta.toPlainString();
    return delta.signum() > 0 ? "+" + text : text;
  }
}
