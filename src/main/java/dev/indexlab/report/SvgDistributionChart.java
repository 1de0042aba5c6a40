package dev.indexlab.report;

import dev.indexlab.stats.BoxStats;
import dev.indexlab.text.ReportFormat;
import java.util.Arrays;
import java.util.List;

/**
 * Latency distributions of a few routes (usually those that changed most) as box plots on a log
 * scale, as SVG that renders on GitHub: one band per route, one row per series (before / after),
 * each row with whiskers from p5 to p95, a box from p25 to p75, a thick median line, a diamond at
 * p99 and the median's value in a column right of the plot ("median 12.4 ms").
 *
 * <pre>{@code
 * String svg = new SvgDistributionChart(
 *         "Latency distribution", "Time per call (ms, log scale)", List.of("before", "after"))
 *     .add("/users/delete/{user_id} (POST)", BoxStats.of(before), BoxStats.of(after))
 *     .render();
 * }</pre>
 *
 * <p>Every series uses the same glyphs; series differ by the box's fill pattern as well as its
 * colour, and a note under the legend explains the glyphs, so the chart reads without colour. A
 * missing series (null) shows "no samples". Each box is a {@code <rect class="box">} with a tooltip
 * listing the percentiles. The same input always gives the same bytes.
 */
final class SvgDistributionChart {
  private static final double ROW_HEIGHT = 16;
  private static final String NOTE =
      "Box: p25 to p75. Thick line: median (p50). Whiskers: p5 to p95. Diamond: p99.";

  private final String title;
  private final String axisLabel;
  private final ChartRows<BoxStats> rows;

  /**
   * @param title the chart's heading
   * @param axisLabel the x axis label, with units
   * @param seriesNames one name per row of a band, in drawing order (top to bottom)
   */
  public SvgDistributionChart(String title, String axisLabel, List<String> seriesNames) {
    this.rows = new ChartRows<>(seriesNames);
    this.title = title;
    this.axisLabel = axisLabel;
  }

  /** Adds a route with one {@link BoxStats} (ms) per series, in series order; null for none. */
  public SvgDistributionChart add(String route, BoxStats... perSeries) {
    rows.add(route, Arrays.asList(perSeries), "boxes");
    return this;
  }

  /** The chart as an SVG document. */
  public String render() {
    rows.requireRoutes();
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    double labelWidth = TextMetrics.width("no samples", ChartFrame.VALUE_FONT);
    for (List<BoxStats> row : rows.rows()) {
      for (BoxStats b : row) {
        if (b != null) {
          min = Math.min(min, b.p5());
          max = Math.max(max, b.p99());
          labelWidth =
              Math.max(labelWidth, TextMetrics.width(medianLabel(b), ChartFrame.VALUE_FONT));
        }
      }
    }
    ChartFrame frame =
        new ChartFrame(
            title, rows.seriesNames(), rows.routes(), NOTE, ROW_HEIGHT, min, max, labelWidth + 14);
    SvgDocument svg = frame.begin(axisLabel);
    for (int s = 0; s < rows.seriesNames().size(); s++) {
      svg.open("g", "stroke", "#222222", "stroke-width", 1);
      for (int r = 0; r < rows.routes().size(); r++) {
        BoxStats b = rows.get(r, s);
        if (b != null) {
          row(svg, frame, r, s, b);
        }
      }
      svg.close("g");
    }
    svg.open("g", "font-size", ChartFrame.VALUE_FONT, "fill", "#111111");
    LogAxis axis = frame.axis();
    for (int r = 0; r < rows.routes().size(); r++) {
      for (int s = 0; s < rows.seriesNames().size(); s++) {
        BoxStats b = rows.get(r, s);
        // in a column of its own right of the plot, so it never reads as the p99 diamond's value
        double x = b == null ? axis.left() + 4 : axis.right() + 9;
        String text = b == null ? "no samples" : medianLabel(b);
        svg.element("text", text, "x", x, "y", frame.rowTextBaseline(r, s));
      }
    }
    svg.close("g");
    return frame.finish(svg);
  }

  private void row(SvgDocument svg, ChartFrame frame, int r, int s, BoxStats b) {
    LogAxis axis = frame.axis();
    double top = frame.rowTop(r, s);
    double middle = top + ROW_HEIGHT / 2;
    double bottom = top + ROW_HEIGHT;
    double x5 = axis.x(b.p5());
    double x95 = axis.x(b.p95());
    svg.empty("line", "x1", x5, "y1", middle, "x2", x95, "y2", middle);
    svg.empty("line", "x1", x5, "y1", top + 3, "x2", x5, "y2", bottom - 3);
    svg.empty("line", "x1", x95, "y1", top + 3, "x2", x95, "y2", bottom - 3);
    double x25 = axis.x(b.p25());
    svg.withTooltip(
        "rect",
        rows.routes().get(r) + " - " + rows.seriesNames().get(s) + ": " + percentiles(b),
        "class",
        "box",
        "x",
        x25,
        "y",
        top,
        "width",
        Math.max(axis.x(b.p75()) - x25, 1),
        "height",
        ROW_HEIGHT,
        "fill",
        SeriesStyle.fill(s),
        "stroke",
        SeriesStyle.stroke(s));
    double x50 = axis.x(b.p50());
    svg.empty(
        "line",
        "x1",
        x50,
        "y1",
        top - 2,
        "x2",
        x50,
        "y2",
        bottom + 2,
        "stroke-width",
        3,
        "class",
        "median");
    double x99 = axis.x(b.p99());
    svg.empty(
        "path",
        "d",
        "M"
            + pair(x99, middle - 4.5)
            + "L"
            + pair(x99 + 4.5, middle)
            + "L"
            + pair(x99, middle + 4.5)
            + "L"
            + pair(x99 - 4.5, middle)
            + "Z",
        "fill",
        "#ffffff",
        "class",
        "p99");
  }

  private static String pair(double x, double y) {
    return SvgDocument.num(x) + " " + SvgDocument.num(y);
  }

  private static String medianLabel(BoxStats b) {
    return "median " + ReportFormat.msWithUnit(b.p50());
  }

  private static String percentiles(BoxStats b) {
    return "p5 "
        + ReportFormat.ms(b.p5())
        + ", p25 "
        + ReportFormat.ms(b.p25())
        + ", p50 "
        + ReportFormat.ms(b.p50())
        + ", p75 "
        + ReportFormat.ms(b.p75())
        + ", p95 "
        + ReportFormat.ms(b.p95())
        + ", p99 "
        + ReportFormat.ms(b.p99())
        + " ms";
  }
}
