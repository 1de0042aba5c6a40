package dev.indexlab.explain;

import dev.indexlab.workload.SqlScanner;
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
    while (i < sql.length()) {
      int end = SqlScanner.skipQuoted(sql, i);
      if (end == i) {
        out.append(sql.charAt(i++));
      } else {
        out.append(" ".repeat(end - i));
        i = end;
      }
    }
    return out.toString();
  }
}
