package dev.indexlab.explain;

import dev.indexlab.results.ColumnRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The roles ({@link ColumnRoles}) of a relation's columns in an EXPLAIN condition, read from its
 * deparsed text: {@code ((order_date >= '2024-03-01'::date) AND (order_date < '2024-04-01'::date)
 * AND (employee_id = 7))} gives equality {@code employee_id} and range {@code order_date}.
 *
 * <p>The condition is split at its top-level ANDs; each conjunct that compares a bare column of the
 * relation (parentheses and a cast around it are fine: {@code (name)::text}) with an expression
 * holding none of the relation's columns ({@code $1}, a literal, {@code ANY (...)}, another
 * relation's column, an InitPlan) counts, with the operator turned round when the column is on the
 * right. Inside an OR only LIKE and ILIKE ({@code ~~}, {@code ~~*}) count.
 */
final class ConditionRoles {
  private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)";
  private static final Pattern COLUMN = Pattern.compile("^(?:(" + NAME + ")\\.)?(" + NAME + ")$");
  private static final String OPERATOR_CHARS = "<>=!~*";

  private ConditionRoles() {}

  /**
   * The roles of {@code alias}'s columns in {@code condition} (every column when alias is null).
   */
  static ColumnRoles of(String condition, String alias) {
    Roles out = new Roles();
    if (condition != null && !condition.isBlank()) {
      visit(condition, alias, false, out);
    }
    return new ColumnRoles(out.equality, out.range, List.of(), out.pattern);
  }

  /** The roles of the conditions of {@code node} under {@code labels}, in that order. */
  static ColumnRoles of(PlanNode node, List<String> labels) {
    ColumnRoles roles = ColumnRoles.NONE;
    for (String label : labels) {
      roles = roles.plus(of(node.condition(label), node.alias()));
    }
    return roles;
  }

  /** A sort's keys ({@code sh.created_at DESC}) that are bare columns of {@code alias}. */
  static List<ColumnRoles.SortKey> sortKeys(List<String> keys, String alias) {
    List<ColumnRoles.SortKey> out = new ArrayList<>();
    for (String key : keys) {
      String k = key.strip().replaceFirst(" NULLS (?:FIRST|LAST)$", "");
      boolean descending = k.endsWith(" DESC");
      String column = column(descending ? k.substring(0, k.length() - 5) : k, alias);
      if (column != null) {
        out.add(new ColumnRoles.SortKey(column, descending));
      }
    }
    return out;
  }

  private static final class Roles {
    final List<String> equality = new ArrayList<>();
    final List<String> range = new ArrayList<>();
    final List<String> pattern = new ArrayList<>();
  }

  private static void visit(String expr, String alias, boolean underOr, Roles out) {
    String e = unwrap(expr.strip());
    List<String> disjuncts = splitTopLevel(e, " OR ");
    if (disjuncts.size() > 1) {
      disjuncts.forEach(d -> visit(d, alias, true, out));
      return;
    }
    List<String> conjuncts = splitTopLevel(e, " AND ");
    if (conjuncts.size() > 1) {
      conjuncts.forEach(c -> visit(c, alias, underOr, out));
      return;
    }
    comparison(e, alias, underOr, out);
  }

  private static void comparison(String e, String alias, boolean underOr, Roles out) {
    if (e.endsWith(" IS NULL")) {
      add(underOr ? null : out.equality, column(e.substring(0, e.length() - 8), alias));
      return;
    }
    int at = operatorAt(e);
    if (at < 0) {
      String negated = e.startsWith("NOT ") ? e.substring(4) : e;
      add(underOr ? null : out.equality, column(negated, alias)); // a boolean column
      return;
    }
    int end = at;
    while (end < e.length() && OPERATOR_CHARS.indexOf(e.charAt(end)) >= 0) {
      end++;
    }
    String op = e.substring(at, end);
    String left = e.substring(0, at).strip();
    String right = e.substring(end).strip();
    String column = column(left, alias);
    String other = right;
    if (column == null) {
      column = column(right, alias);
      other = left;
      op = turned(op);
    }
    if (column == null || !ConditionColumns.of(other, alias).isEmpty()) {
      return;
    }
    switch (op) {
      case "~~", "~~*" -> add(out.pattern, column);
      case "=" -> add(underOr ? null : out.equality, column);
      case "<", "<=", ">", ">=" -> add(underOr ? null : out.range, column);
      default -> {
        // <>, NOT LIKE, regular expressions: no b-tree range on the column serves them
      }
    }
  }

  private static void add(List<String> list, String column) {
    if (list != null && column != null && !list.contains(column)) {
      list.add(column);
    }
  }

  private static String turned(String op) {
    return switch (op) {
      case "<" -> ">";
      case "<=" -> ">=";
      case ">" -> "<";
      case ">=" -> "<=";
      default -> op;
    };
  }

  /**
   * The column {@code side} is, when it is one of {@code alias}'s columns, bare or in parentheses
   * with a cast ({@code ((name)::text)}); otherwise null.
   */
  static String column(String side, String alias) {
    String s = unwrap(side.strip());
    int cast = topLevelIndex(s, "::");
    if (cast >= 0) {
      s = unwrap(s.substring(0, cast).strip());
    }
    Matcher m = COLUMN.matcher(s);
    if (!m.matches()) {
      return null;
    }
    String qualifier = m.group(1) == null ? null : unquote(m.group(1));
    if (alias != null && qualifier != null && !qualifier.equals(alias)) {
      return null;
    }
    List<String> columns = ConditionColumns.of(s, alias);
    return columns.size() == 1 ? columns.get(0) : null; // keywords (true, NULL) give none
  }

  private static String unquote(String name) {
    return name.startsWith("\"")
        ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
        : name;
  }

  /** {@code e} without parentheses that enclose all of it. */
  private static String unwrap(String e) {
    String s = e;
    while (s.startsWith("(") && closing(s, 0) == s.length() - 1) {
      s = s.substring(1, s.length() - 1).strip();
    }
    return s;
  }

  /** The index of the parenthesis closing the one at {@code open}, or -1. */
  private static int closing(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\'' || ch == '"') {
        i = endOfQuoted(s, i) - 1;
      } else if (ch == '(') {
        depth++;
      } else if (ch == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The parts of {@code e} between top-level occurrences of {@code separator}. */
  private static List<String> splitTopLevel(String e, String separator) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int from = 0;
    int at;
    while ((at = topLevelIndex(e.substring(from), separator)) >= 0) {
      int abs = from + at;
      parts.add(e.substring(start, abs));
      start = abs + separator.length();
      from = start;
    }
    parts.add(e.substring(start));
    return parts;
  }

  /** The first index of {@code token} outside quotes and parentheses, or -1. */
  private static int topLevelIndex(String s, String token) {
    return firstTopLevel(s, i -> s.startsWith(token, i));
  }

  /** Where a top-level binary operator written with spaces around it starts, or -1. */
  private static int operatorAt(String s) {
    return firstTopLevel(
        s,
        i -> {
          if (i == 0 || OPERATOR_CHARS.indexOf(s.charAt(i)) < 0 || s.charAt(i - 1) != ' ') {
            return false;
          }
          int end = i;
          while (end < s.length() && OPERATOR_CHARS.indexOf(s.charAt(end)) >= 0) {
            end++;
          }
          return end < s.length() && s.charAt(end) == ' ';
        });
  }

  /**
   * The first index outside quotes and parentheses (not itself a quote or parenthesis) where {@code
   * at} holds, or -1.
   */
  private static int firstTopLevel(String s, IntPredicate at) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\'' || ch == '"') {
        i = endOfQuoted(s, i) - 1;
      } else if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if (depth == 0 && at.test(i)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The index just past the quoted literal or identifier that starts at {@code start} (its quote
   * character doubled inside it stands for itself), or the end of {@code s} when it is not closed.
   */
  static int endOfQuoted(String s, int start) {
    char quote = s.charAt(start);
    int i = start + 1;
    while (i < s.length()) {
      if (s.charAt(i) == quote) {
        if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return s.length();
  }
}
