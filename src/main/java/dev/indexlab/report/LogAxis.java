package dev.indexlab.report;

import dev.indexlab.text.ReportFormat;
import java.math.BigDecimal;

/**
 * A horizontal base-10 log axis spanning whole decades, chosen so that every value in the data lies
 * strictly above the left edge (a bar for the smallest value still has a visible length) and at or
 * below the right edge.
 */
final class LogAxis {
  private static final String GRID = "#9a9a9a";
  private static final String MINOR_GRID = "#dddddd";

  private final int lowDecade;
  private final int highDecade;
  private final double left;
  private final double width;

  LogAxis(int lowDecade, int highDecade, double left, double width) {
    if (highDecade <= lowDecade) {
      throw new IllegalArgumentException("an axis spans at least one decade");
    }
    this.lowDecade = lowDecade;
    this.highDecade = highDecade;
    this.left = left;
    this.width = width;
  }

  /** The axis for positive values from {@code min} to {@code max}. */
  static LogAxis covering(double min, double max, double left, double width) {
    if (!(min > 0) || !(max >= min) || Double.isInfinite(max)) {
      throw new IllegalArgumentException(
          "a log axis needs 0 < min <= max, got " + min + ", " + max);
    }
    int low = (int) Math.ceil(StrictMath.log10(min)) - 1;
    int high = Math.max((int) Math.ceil(StrictMath.log10(max)), low + 1);
    return new LogAxis(low, high, left, width);
  }

  int lowDecade() {
    return lowDecade;
  }

  int highDecade() {
    return highDecade;
  }

  double left() {
    return left;
  }

  double right() {
    return left + width;
  }

  /** Width of one factor of ten. */
  double decadeWidth() {
    return width / (highDecade - lowDecade);
  }

  /** The x position of {@code value}, clamped to the axis. */
  double x(double value) {
    double decades = StrictMath.log10(value) - lowDecade;
    double clamped = Math.max(0, Math.min(highDecade - lowDecade, decades));
    return left + clamped * decadeWidth();
  }

  /** Minor gridlines at 2× and 5×, decade gridlines, tick labels under {@code bottom}, label. */
  void draw(SvgDocument svg, double top, double bottom, String label) {
    svg.open("g", "stroke-width", 1);
    for (int decade = lowDecade; decade < highDecade; decade++) {
      for (int multiple : new int[] {2, 5}) {
        double x = x(multiple * StrictMath.pow(10, decade));
        svg.empty("line", "x1", x, "y1", top, "x2", x, "y2", bottom, "stroke", MINOR_GRID);
      }
    }
    for (int decade = lowDecade; decade <= highDecade; decade++) {
      double x = left + (decade - lowDecade) * decadeWidth();
      svg.empty("line", "x1", x, "y1", top, "x2", x, "y2", bottom + 4, "stroke", GRID);
    }
    svg.close("g");
    svg.open("g", "font-size", 11, "fill", "#222222", "text-anchor", "middle");
    for (int decade = lowDecade; decade <= highDecade; decade++) {
      double x = left + (decade - lowDecade) * decadeWidth();
      svg.element("text", tickLabel(decade), "x", x, "y", bottom + 17);
    }
    svg.close("g");
    svg.element(
        "text",
        label,
        "x",
        left + width / 2,
        "y",
        bottom + 38,
        "font-size",
        12,
        "fill",
        "#222222",
        "text-anchor",
        "middle");
  }

  /** The label of 10^decade: 0.01, 1, 1,000. */
  static String tickLabel(int decade) {
    if (decade >= 0) {
      return ReportFormat.grouped(BigDecimal.ONE.scaleByPowerOfTen(decade).longValueExact());
    }
    return BigDecimal.ONE.scaleByPowerOfTen(decade).toPlainString();
  }
}
