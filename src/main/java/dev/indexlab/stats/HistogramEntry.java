package dev.indexlab.stats;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One entry of a histogram as a results file keeps it (see {@link LogHistogram#buckets()}): {@code
 * count} values between {@code from} and {@code to}, or, when the two are equal, {@code count}
 * values of exactly {@code from}.
 *
 * <p>In JSON an entry is an array read by position, as results files have always kept it: {@code
 * [from, to, count]} for a bucket, {@code [value, count]} for a value; the count is written as a
 * double ({@code 50.0}).
 *
 * @param from lower edge of the bucket, or the value
 * @param to upper edge of the bucket; {@code from} for a value
 * @param count how many samples the entry holds
 */
public record HistogramEntry(double from, double to, double count) {

  /** {@code count} samples of exactly {@code value}. */
  public static HistogramEntry value(double value, double count) {
    return new HistogramEntry(value, value, count);
  }

  /** True for a single value, false for a bucket with two edges. */
  public boolean isValue() {
    return Double.compare(from, to) == 0;
  }

  /** The entry as a results file holds it: {@code [from, to, count]} or {@code [value, count]}. */
  @JsonValue
  double[] json() {
    return isValue() ? new double[] {from, count} : new double[] {from, to, count};
  }

  /** Reads what {@link #json()} writes; any other length is an error naming it. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static HistogramEntry json(double[] entry) {
    return switch (entry.length) {
      case 2 -> value(entry[0], entry[1]);
      case 3 -> new HistogramEntry(entry[0], entry[1], entry[2]);
      default ->
          throw new IllegalArgumentException(
              "a histogram entry is [from, to, count] or [value, count], not "
                  + entry.length
                  + " numbers");
    };
  }
}
