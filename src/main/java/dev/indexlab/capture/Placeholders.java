package dev.indexlab.capture;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The {@code $n} placeholders of a statement's text, found by a scan that knows PostgreSQL's
 * lexical rules for what is not code: string constants ({@code '...'}, {@code E'...'} with
 * backslash escapes), quoted identifiers, dollar-quoted bodies ({@code $tag$...$tag$}) and
 * comments. Used to list the placeholders and to write them as route parameters ({@code :name}).
 */
final class Placeholders {
  private Placeholders() {}

  /** The placeholder numbers used in {@code sql}, ascending. */
  static SortedSet<Integer> numbers(String sql) {
    SortedSet<Integer> out = new TreeSet<>();
    scan(sql, (n, b) -> out.add(n), new StringBuilder());
    return out;
  }

  /** {@code sql} with each {@code $n} replaced by {@code :} and {@code names.get(n)}. */
  static String named(String sql, Map<Integer, String> names) {
    StringBuilder b = new StringBuilder(sql.length() + 16);
    scan(
        sql,
        (n, out) -> {
          String name = names.get(n);
          out.append(name == null ? "$" + n : ":" + name);
        },
        b);
    return b.toString();
  }

  private interface Found {
    void placeholder(int n, StringBuilder out);
  }

  private static void scan(String s, Found found, StringBuilder out) {
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      int end;
      if (c == '\'') {
        boolean escapes = i > 0 && (s.charAt(i - 1) == 'E' || s.charAt(i - 1) == 'e');
        end = quotedEnd(s, i, '\'', escapes);
      } else if (c == '"') {
        end = quotedEnd(s, i, '"', false);
      } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
        int nl = s.indexOf('\n', i);
        end = nl < 0 ? n : nl;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        end = blockCommentEnd(s, i);
      } else if (c == '$'
          && i + 1 < n
          && Character.isDigit(s.charAt(i + 1))
          && !identBefore(s, i)) {
        int j = i + 1;
        while (j < n && Character.isDigit(s.charAt(j))) {
          j++;
        }
        found.placeholder(Integer.parseInt(s.substring(i + 1, j)), out);
        i = j;
        continue;
      } else if (c == '$' && !identBefore(s, i)) {
        end = dollarQuotedEnd(s, i);
      } else {
        end = i + 1;
      }
      out.append(s, i, end);
      i = end;
    }
  }

  private static boolean identBefore(String s, int i) {
    if (i == 0) {
      return false;
    }
    char p = s.charAt(i - 1);
    return Character.isLetterOrDigit(p) || p == '_' || p == '$';
  }

  private static int quotedEnd(String s, int start, char quote, boolean backslashEscapes) {
    int i = start + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return s.length();
  }

  private static int blockCommentEnd(String s, int start) {
    int depth = 0;
    int i = start;
    while (i < s.length() - 1) {
      if (s.charAt(i) == '/' && s.charAt(i + 1) == '*') {
        depth++;
        i += 2;
      } else if (s.charAt(i) == '*' && s.charAt(i + 1) == '/') {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return s.length();
  }

  /** The end of a {@code $tag$...$tag$} body starting at {@code start}, or just past the '$'. */
  private static int dollarQuotedEnd(String s, int start) {
    int j = start + 1;
    while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
      j++;
    }
    if (j >= s.length() || s.charAt(j) != '$') {
      return start + 1;
    }
    String tag = s.substring(start, j + 1);
    int close = s.indexOf(tag, j + 1);
    return close < 0 ? s.length() : close + tag.length();
  }
}
