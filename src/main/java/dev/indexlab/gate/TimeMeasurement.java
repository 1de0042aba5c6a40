package dev.indexlab.gate;

import dev.indexlab.stats.Numbers;
import dev.indexlab.stats.Significance;

/**
 * One time comparison of a route, as {@link TimeRule} judged it: the medians as measured, the
 * factor the current times were divided by, the {@link Significance} comparison of the samples
 * after that division, and the run-level effect with the bar it had to clear.
 *
 * @param label which measurement: {@code first measurement}, {@code second measurement, interleaved
 *     with `book_reviews`}
 * @param medianBeforeMs the baseline's (or base's) median, ms per call
 * @param medianAfterMs the current (or head's) median as measured, ms per call
 * @param factor what the current times were divided by (the machine factor, or the reference
 *     route's ratio for a second measurement); null when times were compared as measured
 * @param reference the unchanged route whose ratio gave {@code factor} on a second measurement, or
 *     null
 * @param change the samples' comparison after the division
 * @param effect the run-level effect, a ratio (after the division)
 * @param bar the ratio {@code effect} had to exceed (below its inverse for faster); NaN when the
 *     samples decided alone
 * @param slower the rule called this measurement slower
 * @param faster the rule called it faster
 */
record TimeMeasurement(
    String label,
    double medianBeforeMs,
    double medianAfterMs,
    Double factor,
    String reference,
    Significance.Change change,
    double effect,
    double bar,
    boolean slower,
    boolean faster) {

  /**
   * One line, e.g. {@code first measurement: median 0.097 → 0.185 ms (×1.91); ÷ machine factor
   * ×1.02: median 0.097 → 0.181 ms (×1.87, CI ×1.80–×1.95, p < 0.001, 2,000 and 2,000 samples);
   * run-level ×1.87 (slower beyond ×2.90, faster below ×0.345)}.
   */
  public String describe() {
    StringBuilder b = new StringBuilder(label).append(": ");
    b.append("median ")
        .append(Numbers.ms(medianBeforeMs))
        .append(" → ")
        .append(Numbers.ms(medianAfterMs))
        .append(" ms (×")
        .append(Numbers.ratio(medianAfterMs / medianBeforeMs))
        .append(")");
    if (factor != null) {
      b.append("; ÷ ")
          .append(reference == null ? "machine factor" : "`" + reference + "`'s ratio")
          .append(" ×")
          .append(Numbers.ratio(factor))
          .append(": ");
    } else {
      b.append("; ");
    }
    b.append(change.describe());
    if (!Double.isNaN(bar)) {
      b.append("; run-level ×").append(Numbers.ratio(effect));
      b.append(" (slower beyond ×").append(Numbers.ratio(bar));
      b.append(", faster below ×").append(Numbers.ratio(1 / bar)).append(')');
    }
    return b.toString();
  }
}
