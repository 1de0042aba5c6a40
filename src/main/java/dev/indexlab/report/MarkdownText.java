package dev.indexlab.report;

import dev.indexlab.text.MarkdownTable;
import java.nio.charset.StandardCharsets;

/**
 * Inline markdown for generated prose: escaping text so GitHub shows it literally (no accidental
 * emphasis, HTML or math), code spans, link targets and the lines of a plan inside a table cell.
 */
final class MarkdownText {
  private static final char NBSP = '\u00a0';

  private MarkdownText() {}

  /**
   * Escapes text for prose or a table cell: backslash, {@code *}, backtick, {@code [ ]}, {@code $}
   * (GitHub renders {@code $...$} as math), {@code <} where it could open an HTML tag, and {@code
   * _} where it touches a non-word character (inside a word, as in {@code song_history}, it cannot
   * start emphasis and stays as is). Pipes and line breaks are left to {@link MarkdownTable}.
   */
  static String text(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\', '*', '`', '[', ']', '$' -> out.append('\\').append(c);
        case '<' -> out.append(startsTag(s, i) ? "&lt;" : "<");
        case '_' -> {
          boolean inWord =
              i > 0 && word(s.charAt(i - 1)) && i + 1 < s.length() && word(s.charAt(i + 1));
          out.append(inWord ? "_" : "\\_");
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Text for an HTML context such as {@code <summary>}: {@code & < > "} as entities. */
  static String html(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** A code span that holds {@code s} literally, whatever backticks it contains. */
  static String code(String s) {
    String value = s == null ? "" : s.replace('\n', ' ');
    int longest = 0;
    int run = 0;
    for (int i = 0; i < value.length(); i++) {
      run = value.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = value.startsWith("`") || value.endsWith("`");
    return fence + (pad ? " " : "") + value + (pad ? " " : "") + fence;
  }

  /**
   * One line of a plan for a {@code | QUERY PLAN |} cell: escaped like {@link #text} and with its
   * leading spaces made non-breaking, so GitHub keeps the plan's indentation instead of trimming
   * it.
   */
  static String planLine(String line) {
    int indent = PlanText.indent(line);
    return String.valueOf(NBSP).repeat(indent) + text(line.substring(indent));
  }

  /** A link whose target (a relative path) is percent-encoded where markdown needs it. */
  static String link(String label, String target) {
    return "[" + text(label) + "](" + encodePath(target) + ")";
  }

  /** Percent-encodes every byte of {@code path} outside {@code A-Z a-z 0-9 - . _ ~ /}. */
  static String encodePath(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == '/') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** A fenced code block in {@code language}, with a fence longer than any backtick run inside. */
  static String codeBlock(String language, String body) {
    String text = body == null ? "" : body.strip();
    String fence = "```";
    while (text.contains(fence)) {
      fence += "`";
    }
    return fence + language + "\n" + text + "\n" + fence + "\n";
  }

  private static boolean startsTag(String s, int i) {
    if (i + 1 >= s.length()) {
      return false;
    }
    char next = s.charAt(i + 1);
    return Character.isLetter(next) || next == '/' || next == '!' || next == '?';
  }

  private static boolean word(char c) {
    return Character.isLetterOrDigit(c);
  }
}
