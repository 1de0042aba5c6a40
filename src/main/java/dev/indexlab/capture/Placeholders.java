package dev.indexlab.capture;

import dev.indexlab.workload.SqlScanner;
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
      if (s.charAt(i) == '$'
          && i + 1 < n
          && Character.isDigit(s.charAt(i + 1))
          && (i == 0 || !SqlScanner.isIdentPart(s.charAt(i - 1)))) {
        int j = i + 1;
        while (j < n && Character.isDigit(s.charAt(j))) {
          j++;
        }
        found.placeholder(Integer.parseInt(s.substring(i + 1, j)), out);
        i = j;
        continue;
      }
      int end = Math.max(SqlScanner.skipQuoted(s, i), i + 1);
      out.append(s, i, end);
      i = end;
    }
  }
}
