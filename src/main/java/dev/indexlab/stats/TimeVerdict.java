package dev.indexlab.stats;

import java.util.Locale;

/**
 * The outcome of comparing two latency samples with {@link RatioOfMedians}.
 *
 * @param ratio median(current) / median(baseline); above 1 means the current state is slower
 * @param ciLow lower bound of the bootstrap confidence interval of {@code ratio}
 * @param ciHigh upper bound of the bootstrap confidence interval of {@code ratio}
 * @param pValue two-sided Mann-Whitney U test p-value (normal approximation)
 * @param regression the interval lies wholly above {@code 1 + threshold} and {@code pValue < alpha}
 * @param improvement the interval lies wholly below {@code 1 / (1 + threshold)} and {@code pValue <
 *     alpha}
 */
public record TimeVerdict(
    double ratio,
    double ciLow,
    double ciHigh,
    double pValue,
    boolean regression,
    boolean improvement) {

  /** True when neither a regression nor an improvement was found. */
  public boolean unchanged() {
    return !regression && !improvement;
  }

  /**
   * One line for a gate message, e.g. {@code "median ×2.01 (CI ×1.93–×2.10), Mann-Whitney p <
   * 0.001"}.
   */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "median ×%.2f (CI ×%.2f–×%.2f), Mann-Whitney %s",
        ratio,
        ciLow,
        ciHigh,
        Numbers.pValue(pValue));
  }
}
