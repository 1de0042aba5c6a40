package dev.indexlab.report;

import java.util.List;

/**
 * The layout both charts share: a title, a legend of the series, an optional note, then one band
 * per route (label on the left, one row per series) over a log axis, and the axis label at the
 * bottom. A chart computes its frame, asks it for row positions and draws the rows' contents.
 */
final class ChartFrame {
  static final double MIN_WIDTH = 900;
  static final double MARGIN = 14;
  static final double LABEL_FONT = 12;
  static final double VALUE_FONT = 11;
  private static final double MAX_LABEL_WIDTH = 320;
  private static final double MIN_PLOT_WIDTH = 380;
  private static final double ROW_GAP = 3;
  private static final double BAND_PADDING = 7;
  private static final double SWATCH = 12;

  /** Bold glyphs are wider than regular ones, by up to 20% in DejaVu Sans Bold. */
  private static final double BOLD_FACTOR = 1.2;

  private final String title;
  private final List<String> seriesNames;
  private final List<String> routeLabels;
  private final String note;
  private final double rowHeight;
  private final double width;
  private final double height;
  private final double labelRight;
  private final double plotTop;
  private final double plotBottom;
  private final LogAxis axis;

  /**
   * @param rowHeight height of one series row
   * @param min smallest value to show (> 0; not read when {@code max} is 0)
   * @param max largest value to show (0 when there is none)
   * @param rightReserve room to keep right of the plot for labels past the largest value
   * @param note a line under the legend, or null
   */
  ChartFrame(
      String title,
      List<String> seriesNames,
      List<String> routeLabels,
      String note,
      double rowHeight,
      double min,
      double max,
      double rightReserve) {
    this.title = title;
    this.seriesNames = seriesNames;
    this.routeLabels = routeLabels;
    this.note = note;
    this.rowHeight = rowHeight;
    double labelWidth = 40;
    for (String label : routeLabels) {
      labelWidth = Math.max(labelWidth, TextMetrics.width(label, LABEL_FONT));
    }
    labelWidth = Math.min(labelWidth, MAX_LABEL_WIDTH);
    this.labelRight = MARGIN + labelWidth;
    double plotLeft = labelRight + 10;
    double legendWidth = MARGIN;
    for (String name : seriesNames) {
      legendWidth += SWATCH + 6 + TextMetrics.width(name, LABEL_FONT) + 22;
    }
    double wanted = plotLeft + MIN_PLOT_WIDTH + rightReserve + MARGIN;
    double noteWidth = note == null ? 0 : 2 * MARGIN + TextMetrics.width(note, VALUE_FONT);
    this.width = Math.ceil(Math.max(Math.max(MIN_WIDTH, wanted), Math.max(legendWidth, noteWidth)));
    double plotWidth = width - MARGIN - rightReserve - plotLeft;
    this.plotTop = note == null ? 68 : 86;
    this.plotBottom = plotTop + routeLabels.size() * bandHeight();
    this.height = plotBottom + 50;
    // nothing to show (max 0): an axis from 1 to 10 all the same
    this.axis =
        max == 0
            ? LogAxis.covering(1, 10, plotLeft, plotWidth)
            : LogAxis.covering(min, max, plotLeft, plotWidth);
  }

  LogAxis axis() {
    return axis;
  }

  /** Top of the row of {@code series} in the band of {@code route}. */
  double rowTop(int route, int series) {
    return plotTop + route * bandHeight() + BAND_PADDING + series * (rowHeight + ROW_GAP);
  }

  /** Baseline for 11 px text centred vertically on a row. */
  double rowTextBaseline(int route, int series) {
    return rowTop(route, series) + rowHeight / 2 + 4;
  }

  /** Starts the document: title, legend, note, route bands and labels, axis gridlines. */
  SvgDocument begin(String axisLabel) {
    SvgDocument svg = new SvgDocument(width, height, title);
    SeriesStyle.defs(svg);
    svg.element(
        "text",
        TextMetrics.fit(title, 16 * BOLD_FACTOR, width - 2 * MARGIN),
        "x",
        MARGIN,
        "y",
        26,
        "font-size",
        16,
        "font-weight",
        "bold",
        "fill",
        "#111111");
    legend(svg);
    if (note != null) {
      svg.element("text", note, "x", MARGIN, "y", 70, "font-size", VALUE_FONT, "fill", "#333333");
    }
    svg.open("g", "fill", "#f3f3f3");
    for (int route = 1; route < routeLabels.size(); route += 2) {
      double top = plotTop + route * bandHeight();
      svg.empty(
          "rect", "x", MARGIN, "y", top, "width", axis.right() - MARGIN, "height", bandHeight());
    }
    svg.close("g");
    axis.draw(svg, plotTop, plotBottom, axisLabel);
    svg.open("g", "font-size", LABEL_FONT, "fill", "#111111", "text-anchor", "end");
    for (int route = 0; route < routeLabels.size(); route++) {
      double middle = plotTop + (route + 0.5) * bandHeight() + 4;
      String label = routeLabels.get(route);
      String shown = TextMetrics.fit(label, LABEL_FONT, MAX_LABEL_WIDTH);
      if (shown.equals(label)) {
        svg.element("text", label, "x", labelRight, "y", middle);
      } else {
        svg.raw(
            "<text x=\""
                + SvgDocument.num(labelRight)
                + "\" y=\""
                + SvgDocument.num(middle)
                + "\">"
                + SvgDocument.escape(shown)
                + "<title>"
                + SvgDocument.escape(label)
                + "</title></text>");
      }
    }
    svg.close("g");
    return svg;
  }

  /** Draws the axis lines over the rows and closes the document. */
  String finish(SvgDocument svg) {
    svg.open("g", "stroke", "#333333", "stroke-width", 1);
    svg.empty("line", "x1", axis.left(), "y1", plotTop, "x2", axis.left(), "y2", plotBottom);
    svg.empty("line", "x1", axis.left(), "y1", plotBottom, "x2", axis.right(), "y2", plotBottom);
    svg.close("g");
    return svg.finish();
  }

  private void legend(SvgDocument svg) {
    double x = MARGIN;
    svg.open("g", "font-size", LABEL_FONT, "fill", "#111111");
    for (int i = 0; i < seriesNames.size(); i++) {
      svg.empty(
          "rect",
          "x",
          x,
          "y",
          39,
          "width",
          SWATCH,
          "height",
          SWATCH,
          "fill",
          SeriesStyle.fill(i),
          "stroke",
          SeriesStyle.stroke(i),
          "class",
          "legend");
      svg.element("text", seriesNames.get(i), "x", x + SWATCH + 6, "y", 49.5);
      x += SWATCH + 6 + TextMetrics.width(seriesNames.get(i), LABEL_FONT) + 22;
    }
    svg.close("g");
  }

  private double bandHeight() {
    int n = seriesNames.size();
    return 2 * BAND_PADDING + n * rowHeight + (n - 1) * ROW_GAP;
  }
}
