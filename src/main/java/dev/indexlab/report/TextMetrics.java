package dev.indexlab.report;

/**
 * Estimates how wide a line of text will be, to lay out a chart before any font is chosen. Widths
 * are Helvetica's (Arial's are the same), in thousandths of the font size, plus 15% for the wider
 * fallback fonts (DejaVu Sans) a viewer may substitute.
 */
final class TextMetrics {
  /** Advance widths of the printable ASCII characters, space (32) to tilde (126). */
  private static final int[] ASCII_WIDTHS = {
    278,
    278,
    355,
    556,
    556,
    889,
    667,
    191,
    333,
    333,
    389,
    584,
    278,
    333,
    278,
    278, // space to /
    556,
    556,
    556,
    556,
    556,
    556,
    556,
    556,
    556,
    556, // 0 to 9
    278,
    278,
    584,
    584,
    584,
    556,
    1015, // : to @
    667,
    667,
    722,
    722,
    667,
    611,
    778,
    722,
    278,
    500,
    667,
    556,
    833, // A to M
    722,
    778,
    667,
    778,
    722,
    667,
    611,
    722,
    667,
    944,
    667,
    667,
    611, // N to Z
    278,
    278,
    278,
    469,
    556,
    333, // [ to `
    556,
    556,
    500,
    556,
    556,
    278,
    556,
    556,
    222,
    222,
    500,
    222,
    833, // a to m
    556,
    556,
    556,
    556,
    333,
    500,
    278,
    556,
    500,
    722,
    500,
    500,
    500, // n to z
    334,
    260,
    334,
    584 // { to ~
  };

  private static final int OTHER_WIDTH = 650;
  private static final double FALLBACK_FONT_MARGIN = 1.15;

  private TextMetrics() {}

  /** Estimated width of {@code text} at {@code fontSize} pixels. */
  static double width(String text, double fontSize) {
    long thousandths = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      thousandths += cp >= 32 && cp <= 126 ? ASCII_WIDTHS[cp - 32] : OTHER_WIDTH;
    }
    return thousandths / 1000.0 * fontSize * FALLBACK_FONT_MARGIN;
  }

  /** {@code text}, cut and ended with "…" so that it fits in {@code maxWidth}. */
  static String fit(String text, double fontSize, double maxWidth) {
    if (width(text, fontSize) <= maxWidth) {
      return text;
    }
    int end = text.length();
    while (end > 0) {
      end = text.offsetByCodePoints(end, -1);
      String cut = text.substring(0, end) + "…";
      if (width(cut, fontSize) <= maxWidth) {
        return cut;
      }
    }
    return "…";
  }
}
