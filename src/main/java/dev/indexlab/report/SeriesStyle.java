package dev.indexlab.report;

/**
 * How series look, so that they differ without colour: the first is solid and dark, the others are
 * light with a distinct fill pattern (diagonal hatch, dots, cross-hatch, horizontal lines) and a
 * dark outline. Colours come from the Okabe-Ito palette, which stays distinct for the common forms
 * of colour blindness.
 */
final class SeriesStyle {
  /** Fill of each style: a colour or a reference to a pattern in {@link #defs}. */
  private static final String[] FILLS = {
    "#0072B2", "url(#il-hatch)", "url(#il-dots)", "url(#il-cross)", "url(#il-lines)"
  };

  private static final String[] STROKES = {"#003f63", "#8f3f00", "#00664a", "#7d3f66", "#7a5500"};

  private SeriesStyle() {}

  static String fill(int series) {
    return FILLS[series % FILLS.length];
  }

  static String stroke(int series) {
    return STROKES[series % STROKES.length];
  }

  /** The {@code <defs>} with every pattern. */
  static void defs(SvgDocument svg) {
    svg.open("defs");
    pattern(svg, "il-hatch", "#fbe1cc", "rotate(45)");
    svg.empty("line", "x1", 0, "y1", 0, "x2", 0, "y2", 6, "stroke", "#D55E00", "stroke-width", 3);
    svg.close("pattern");
    pattern(svg, "il-dots", "#d5efe6", null);
    svg.empty("circle", "cx", 3, "cy", 3, "r", 1.6, "fill", "#009E73");
    svg.close("pattern");
    pattern(svg, "il-cross", "#f5e0ec", "rotate(45)");
    svg.empty("line", "x1", 0, "y1", 0, "x2", 0, "y2", 6, "stroke", "#CC79A7", "stroke-width", 1.5);
    svg.empty("line", "x1", 0, "y1", 0, "x2", 6, "y2", 0, "stroke", "#CC79A7", "stroke-width", 1.5);
    svg.close("pattern");
    pattern(svg, "il-lines", "#fbefd2", null);
    svg.empty("line", "x1", 0, "y1", 3, "x2", 6, "y2", 3, "stroke", "#E69F00", "stroke-width", 2);
    svg.close("pattern");
    svg.close("defs");
  }

  private static void pattern(SvgDocument svg, String id, String background, String transform) {
    if (transform == null) {
      svg.open("pattern", "id", id, "patternUnits", "userSpaceOnUse", "width", 6, "height", 6);
    } else {
      svg.open(
          "pattern",
          "id",
          id,
          "patternUnits",
          "userSpaceOnUse",
          "width",
          6,
          "height",
          6,
          "patternTransform",
          transform);
    }
    svg.empty("rect", "x", 0, "y", 0, "width", 6, "height", 6, "fill", background);
  }
}
