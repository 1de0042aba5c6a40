package dev.indexlab.workload;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables a route writes, read from its SQL text: the targets of INSERT INTO, UPDATE and DELETE
 * FROM (also inside WITH). Names are returned as written (quotes kept), so they can be resolved
 * with {@code to_regclass}.
 */
public final class RouteTables {
  private static final Pattern TARGET =
      Pattern.compile(
          "(?is)\\b(?:insert\\s+into|(?<!for\\s)(?<!do\\s)(?<!key\\s)update|delete\\s+from)\\s+(?:only\\s+)?"
              + "((?:\"(?:[^\"]|\"\")+\"|[a-z_][\\w$]*)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|[a-z_][\\w$]*))?)");

  private RouteTables() {}

  /** The tables written by any statement of {@code route}, in order of first appearance. */
  public static Set<String> written(Route route) {
    Set<String> tables = new LinkedHashSet<>();
    for (RouteStatement s : route.statements()) {
      tables.addAll(written(s.sql()));
    }
    return tables;
  }

  /** The tables one SQL statement writes. */
  public static Set<String> written(String sql) {
    Set<String> tables = new LinkedHashSet<>();
    Matcher m = TARGET.matcher(blankLiterals(SqlScanner.stripComments(sql)));
    while (m.find()) {
      String name = m.group(1).replaceAll("\\s+", "");
      if (!name.equalsIgnoreCase("set")) {
        tables.add(name);
      }
    }
    return tables;
  }

  /** Replaces the contents of string literals so words inside them are not read as SQL. */
  private static String blankLiterals(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      int end = SqlScanner.skipQuoted(sql, i);
      if (end > i && sql.charAt(i) == '\'') {
        out.append("''");
        i = end;
      } else if (end > i) {
        out.append(sql, i, end);
        i = end;
      } else {
        out.append(sql.charAt(i++));
      }
    }
    return out.toString();
  }
}
