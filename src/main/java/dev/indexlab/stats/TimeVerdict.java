package dev.indexlab.stats;

/**
 * The outcome of comparing two latency samples with {@link RatioOfMedians}.
 *
 * @param ratio median(current) / median(baseline); above 1 means the current state is slower
 * @param ciLow lower bound of the bootstrap confidence interval of {@code ratio}
 * @param ciHigh upper bound of the bootstrap confidence interval of {@code ratio}
 * @param pValue two-sided Mann-Whitney U test p-value (normal approximation)
 */
public record TimeVerdict(double ratio, double ciLow, double ciHigh, double pValue) {}
