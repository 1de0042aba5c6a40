package dev.indexlab.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * A small lexer for PostgreSQL SQL text: it finds statement ends ({@code ;}) and {@code :name}
 * parameters while skipping string literals (including {@code E'...'} escapes), quoted identifiers,
 * dollar-quoted bodies, comments (nested block comments too) and {@code ::} casts.
 */
public final class SqlScanner {
  private SqlScanner() {}

  /** A statement found in a text, with the 0-based offset of its first character. */
  public record Piece(String sql, int offset) {}

  /** The text with {@code :name} replaced by {@code ?}, and the names in order. */
  public record Positional(String sql, List<String> names) {}

  /** Splits {@code text} at top-level semicolons; empty and comment-only pieces are dropped. */
  public static List<Piece> split(String text) {
    List<Piece> pieces = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      int skip = skipQuoted(text, i);
      if (skip > i) {
        i = skip;
        continue;
      }
      if (text.charAt(i) == ';') {
        addPiece(pieces, text, start, i);
        start = i + 1;
      }
      i++;
    }
    addPiece(pieces, text, start, text.length());
    return pieces;
  }

  private static void addPiece(List<Piece> pieces, String text, int from, int to) {
    String raw = text.substring(from, to);
    if (!stripComments(raw).isBlank()) {
      int lead = 0;
      while (lead < raw.length() && Character.isWhitespace(raw.charAt(lead))) {
        lead++;
      }
      pieces.add(new Piece(raw.strip(), from + lead));
    }
  }

  /** The text without comments (strings and identifiers kept as they are). */
  public static String stripComments(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int skip = skipQuoted(text, i);
      if (skip > i) {
        boolean comment = text.startsWith("--", i) || text.startsWith("/*", i);
        if (!comment) {
          out.append(text, i, skip);
        } else {
          out.append(' ');
        }
        i = skip;
        continue;
      }
      out.append(text.charAt(i));
      i++;
    }
    return out.toString();
  }

  /** Replaces {@code :name} parameters by {@code ?}. */
  public static Positional toPositional(String sql) {
    StringBuilder out = new StringBuilder();
    List<String> names = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      int skip = skipQuoted(sql, i);
      if (skip > i) {
        out.append(sql, i, skip);
        i = skip;
        continue;
      }
      char c = sql.charAt(i);
      if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
        out.append("::");
        i += 2;
        continue;
      }
      if (c == ':' && i + 1 < sql.length() && isIdentStart(sql.charAt(i + 1))) {
        int end = i + 1;
        while (end < sql.length() && isIdentPart(sql.charAt(end))) {
          end++;
        }
        names.add(sql.substring(i + 1, end));
        out.append('?');
        i = end;
        continue;
      }
      out.append(c);
      i++;
    }
    return new Positional(out.toString(), names);
  }

  /**
   * When a quoted construct or comment starts at {@code i}, returns the index just past it;
   * otherwise returns {@code i}. An unterminated construct runs to the end of {@code s}.
   */
  public static int skipQuoted(String s, int i) {
    int end = constructEnd(s, i);
    return end == OPEN ? s.length() : end;
  }

  /**
   * The index of the first top-level {@code ;} at or after {@code from}, or -1 when {@code text}
   * has none yet, also while a quote, dollar quote or block comment is still open at its end. A
   * script reader calls it as lines arrive to find where a statement ends.
   */
  public static int statementEnd(String text, int from) {
    int i = from;
    while (i < text.length()) {
      int end = constructEnd(text, i);
      if (end == OPEN) {
        return -1;
      }
      if (end > i) {
        i = end;
        continue;
      }
      if (text.charAt(i) == ';') {
        return i;
      }
      i++;
    }
    return -1;
  }

  /** The offset of the first character that is neither white space nor part of a comment. */
  public static int codeStart(String text) {
    int i = 0;
    while (i < text.length()) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
      } else if (text.startsWith("--", i) || text.startsWith("/*", i)) {
        i = skipQuoted(text, i);
      } else {
        return i;
      }
    }
    return text.length();
  }

  /** Returned by {@link #constructEnd} for a construct that is still open at the end of text. */
  private static final int OPEN = -1;

  /**
   * When a quoted construct or comment starts at {@code i}, the index just past it, or {@link
   * #OPEN} when it is not closed before the end of {@code s} (a line comment closes at the end);
   * otherwise {@code i}.
   */
  private static int constructEnd(String s, int i) {
    char c = s.charAt(i);
    if (c == '-' && s.startsWith("--", i)) {
      int nl = s.indexOf('\n', i);
      return nl < 0 ? s.length() : nl;
    }
    if (c == '/' && s.startsWith("/*", i)) {
      int depth = 0;
      int j = i;
      while (j < s.length()) {
        if (s.startsWith("/*", j)) {
          depth++;
          j += 2;
        } else if (s.startsWith("*/", j)) {
          depth--;
          j += 2;
          if (depth == 0) {
            return j;
          }
        } else {
          j++;
        }
      }
      return OPEN;
    }
    if (c == '\'' || c == '"') {
      // a literal or a quoted identifier: a doubled quote stands for itself; E'' also escapes
      boolean escapes =
          c == '\''
              && i > 0
              && (s.charAt(i - 1) == 'E' || s.charAt(i - 1) == 'e')
              && (i < 2 || !isIdentPart(s.charAt(i - 2)));
      int j = i + 1;
      while (j < s.length()) {
        char d = s.charAt(j);
        if (escapes && d == '\\') {
          j += 2;
          continue;
        }
        if (d == c) {
          if (j + 1 < s.length() && s.charAt(j + 1) == c) {
            j += 2;
            continue;
          }
          return j + 1;
        }
        j++;
      }
      return OPEN;
    }
    if (c == '$' && (i == 0 || !isIdentPart(s.charAt(i - 1)))) {
      int j = i + 1;
      while (j < s.length() && isIdentPart(s.charAt(j)) && s.charAt(j) != '$') {
        j++;
      }
      if (j < s.length() && s.charAt(j) == '$' && (j == i + 1 || isIdentStart(s.charAt(i + 1)))) {
        String tag = s.substring(i, j + 1);
        int end = s.indexOf(tag, j + 1);
        return end < 0 ? OPEN : end + tag.length();
      }
    }
    return i;
  }

  static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  public static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
