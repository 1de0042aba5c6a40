package dev.indexlab.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes plain SVG 1.1 text that GitHub renders: no scripts, no CSS, no external fonts, explicit
 * size and viewBox, an opaque white background (readable in GitHub's dark theme too). Coordinates
 * are rounded to 0.01 and printed in the shortest form, so the same chart always gives the same
 * bytes.
 */
final class SvgDocument {
  static final String FONT_FAMILY = "Helvetica, Arial, sans-serif";

  private final StringBuilder out = new StringBuilder();
  private int depth;

  SvgDocument(double width, double height, String title) {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    open(
        "svg",
        "xmlns",
        "http://www.w3.org/2000/svg",
        "version",
        "1.1",
        "width",
        width,
        "height",
        height,
        "viewBox",
        "0 0 " + num(width) + " " + num(height),
        "font-family",
        FONT_FAMILY,
        "font-size",
        12);
    element("title", title);
    empty("rect", "x", 0, "y", 0, "width", width, "height", height, "fill", "#ffffff");
  }

  /** {@code <name attrs...>} with a newline; attributes come as name, value pairs. */
  SvgDocument open(String name, Object... attributes) {
    indent();
    out.append('<').append(name);
    attributes(attributes);
    out.append(">\n");
    depth++;
    return this;
  }

  SvgDocument close(String name) {
    depth--;
    indent();
    out.append("</").append(name).append(">\n");
    return this;
  }

  /** {@code <name attrs.../>}. */
  SvgDocument empty(String name, Object... attributes) {
    indent();
    out.append('<').append(name);
    attributes(attributes);
    out.append("/>\n");
    return this;
  }

  /** {@code <name attrs...>text</name>}, the text escaped. */
  SvgDocument element(String name, String text, Object... attributes) {
    indent();
    out.append('<').append(name);
    attributes(attributes);
    out.append('>').append(escape(text)).append("</").append(name).append(">\n");
    return this;
  }

  /** A shape with a tooltip: {@code <name attrs...><title>tooltip</title></name>}. */
  SvgDocument withTooltip(String name, String tooltip, Object... attributes) {
    indent();
    out.append('<').append(name);
    attributes(attributes);
    out.append("><title>").append(escape(tooltip)).append("</title></").append(name);
    out.append(">\n");
    return this;
  }

  /** Verbatim markup, already escaped by the caller. */
  SvgDocument raw(String markup) {
    indent();
    out.append(markup).append('\n');
    return this;
  }

  String finish() {
    close("svg");
    return out.toString();
  }

  private void attributes(Object[] attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      Object value = attributes[i + 1];
      String text = value instanceof Number n ? num(n.doubleValue()) : String.valueOf(value);
      out.append(' ').append(attributes[i]).append("=\"").append(escape(text)).append('"');
    }
  }

  private void indent() {
    out.append("  ".repeat(depth));
  }

  /** A coordinate rounded to 0.01 in its shortest plain form: 12, 12.5, 12.25; never "-0". */
  static String num(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a coordinate: " + value);
    }
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    if (rounded.signum() == 0) {
      return "0";
    }
    return rounded.stripTrailingZeros().toPlainString();
  }

  /**
   * Escapes text for element content and attribute values, and replaces characters XML 1.0 cannot
   * carry with U+FFFD.
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\t', '\n', '\r' -> out.append(' ');
        default -> {
          boolean allowed =
              (cp >= 0x20 && cp <= 0xD7FF)
                  || (cp >= 0xE000 && cp <= 0xFFFD)
                  || (cp >= 0x10000 && cp <= 0x10FFFF);
          out.appendCodePoint(allowed ? cp : 0xFFFD);
        }
      }
    }
    return out.toString();
  }
}
