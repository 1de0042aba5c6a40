package dev.indexlab.report;

import dev.indexlab.text.ReportFormat;
import java.util.Arrays;
import java.util.List;

/**
 * A horizontal grouped bar chart of route times on a log scale, as SVG that renders on GitHub: one
 * band per route (label on the left), one bar per series (before / after, or any number), the value
 * at the end of each bar, decade gridlines, a legend, a title and an axis label.
 *
 * <pre>{@code
 * String svg = new SvgBeforeAfterChart(
 *         "Mean time per route", "Mean time per call (ms, log scale)", List.of("before", "after"))
 *     .add("/users/delete/{user_id} (POST)", 516.8, 12.4)
 *     .add("/song/add (POST)", 100.2, 98.7)
 *     .render();
 * }</pre>
 *
 * <p>Values are milliseconds. The axis spans whole decades from just below the smallest value to
 * the largest, so a bar's length is proportional to log10(value / axis start) and two bars differ
 * by one decade's width per factor of ten. A missing value (null, NaN, zero or negative) draws no
 * bar and says "n/a". Series differ by fill pattern as well as colour (see {@code SeriesStyle}), so
 * the chart reads in greyscale. The same input always gives the same bytes. Each bar is a {@code
 * <rect class="bar">} with a {@code <title>} tooltip naming route, series and value.
 */
final class SvgBeforeAfterChart {
  private static final double BAR_HEIGHT = 15;

  private final String title;
  private final String axisLabel;
  private final ChartRows<Double> rows;

  /**
   * @param title the chart's heading
   * @param axisLabel the x axis label, with units (e.g. "Mean time per call (ms, log scale)")
   * @param seriesNames one name per bar of a group, in drawing order (top to bottom)
   */
  public SvgBeforeAfterChart(String title, String axisLabel, List<String> seriesNames) {
    this.rows = new ChartRows<>(seriesNames);
    this.title = title;
    this.axisLabel = axisLabel;
  }

  /**
   * Adds a route with one value (ms) per series, in series order; null or non-positive for none.
   */
  public SvgBeforeAfterChart add(String route, Double... msPerSeries) {
    rows.add(route, Arrays.asList(msPerSeries), "values");
    return this;
  }

  /** The chart as an SVG document. */
  public String render() {
    rows.requireRoutes();
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    double labelWidth = 0;
    for (List<Double> row : rows.rows()) {
      for (Double v : row) {
        if (present(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
        labelWidth = Math.max(labelWidth, TextMetrics.width(valueLabel(v), ChartFrame.VALUE_FONT));
      }
    }
    ChartFrame frame =
        new ChartFrame(
            title, rows.seriesNames(), rows.routes(), null, BAR_HEIGHT, min, max, labelWidth + 8);
    LogAxis axis = frame.axis();
    SvgDocument svg = frame.begin(axisLabel);
    for (int s = 0; s < rows.seriesNames().size(); s++) {
      svg.open(
          "g", "fill", SeriesStyle.fill(s), "stroke", SeriesStyle.stroke(s), "stroke-width", 1);
      for (int r = 0; r < rows.routes().size(); r++) {
        Double v = rows.get(r, s);
        if (present(v)) {
          svg.withTooltip(
              "rect",
              rows.routes().get(r) + " - " + rows.seriesNames().get(s) + ": " + valueLabel(v),
              "class",
              "bar",
              "x",
              axis.left(),
              "y",
              frame.rowTop(r, s),
              "width",
              axis.x(v) - axis.left(),
              "height",
              BAR_HEIGHT);
        }
      }
      svg.close("g");
    }
    svg.open("g", "font-size", ChartFrame.VALUE_FONT, "fill", "#111111");
    for (int r = 0; r < rows.routes().size(); r++) {
      for (int s = 0; s < rows.seriesNames().size(); s++) {
        Double v = rows.get(r, s);
        double x = (present(v) ? axis.x(v) : axis.left()) + 4;
        svg.element("text", valueLabel(v), "x", x, "y", frame.rowTextBaseline(r, s));
      }
    }
    svg.close("g");
    return frame.finish(svg);
  }

  private static boolean present(Double v) {
    return v != null && v > 0 && !v.isInfinite();
  }

  private static String valueLabel(Double v) {
    return present(v) ? ReportFormat.msWithUnit(v) : ReportFormat.NOT_AVAILABLE;
  }
}
