package dev.indexlab.capture;

import dev.indexlab.workload.SqlScanner;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The {@code $n} placeholders of a statement's text, outside what {@link SqlScanner} knows is not
 * code (string constants, quoted identifiers, dollar-quoted bodies and comments). Used to list the
 * placeholders and to write them as route parameters ({@code :name}).
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
    while (i < s.length()) {
      int skip = SqlScanner.skipQuoted(s, i);
      if (skip > i) {
        out.append(s, i, skip);
        i = skip;
      } else if (s.charAt(i) == '$' && isPlaceholder(s, i)) {
        int j = i + 1;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
          j++;
        }
        found.placeholder(Integer.parseInt(s.substring(i + 1, j)), out);
        i = j;
      } else {
        out.append(s.charAt(i));
        i++;
      }
    }
  }

  /** A {@code $} followed by a digit and not part of a name ({@code a$1} is an identifier). */
  private static boolean isPlaceholder(String s, int i) {
    return i + 1 < s.length()
        && Character.isDigit(s.charAt(i + 1))
        && (i == 0 || !SqlScanner.isIdentPart(s.charAt(i - 1)));
  }
}
