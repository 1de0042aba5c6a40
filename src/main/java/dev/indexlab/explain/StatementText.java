package dev.indexlab.explain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Light lexical checks on one SQL statement's text: its words outside string literals, quoted
 * identifiers, dollar quotes and comments. Not a parser; enough to strip a terminating semicolon
 * and to see whether a statement already has a RETURNING clause.
 */
final class StatementText {
  private static final Pattern RETURNING = Pattern.compile("\\breturning\\b");

  private StatementText() {}

  /** The statement without trailing whitespace and semicolons. */
  static String withoutTerminator(String sql) {
    String s = sql.strip();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).stripTrailing();
    }
    return s;
  }

  /** Whether the word RETURNING appears outside literals and comments. */
  static boolean hasReturning(String sql) {
    return RETURNING.matcher(code(sql).toLowerCase(Locale.ROOT)).find();
  }

  /** The text with literals, quoted identifiers and comments blanked out. */
  static String code(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char ch = sql.charAt(i);
      int end;
      if (ch == '\'' || ch == '"') {
        end = closingQuote(sql, i, ch);
      } else if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int nl = sql.indexOf('\n', i);
        end = nl < 0 ? n : nl;
      } else if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        end = close < 0 ? n : close + 2;
      } else if (ch == '$' && dollarTag(sql, i) != null) {
        String tag = dollarTag(sql, i);
        int close = sql.indexOf(tag, i + tag.length());
        end = close < 0 ? n : close + tag.length();
      } else {
        out.append(ch);
        i++;
        continue;
      }
      out.append(" ".repeat(end - i));
      i = end;
    }
    return out.toString();
  }

  private static int closingQuote(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  /** {@code $tag$} starting at {@code i}, or null when '$' starts no dollar quote ($1 etc.). */
  private static String dollarTag(String sql, int i) {
    int j = i + 1;
    while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
      j++;
    }
    if (j >= sql.length() || sql.charAt(j) != '$') {
      return null;
    }
    String tag = sql.substring(i, j + 1);
    if (tag.length() > 2 && Character.isDigit(tag.charAt(1))) {
      return null;
    }
    return tag;
  }
}
