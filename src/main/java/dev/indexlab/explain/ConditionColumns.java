package dev.indexlab.explain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The column names an EXPLAIN condition refers to, read from its deparsed text: {@code ((user_id =
 * 300) AND ("Region" = 'north'::text))} gives {@code user_id, Region}. Literals, casts ({@code
 * ::timestamp with time zone}), parameters ({@code $1}), function names, keywords and sub-plan
 * references are skipped; {@code alias.column} counts for the alias given (an unqualified column
 * counts for any alias).
 */
final class ConditionColumns {
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "not",
          "is",
          "null",
          "true",
          "false",
          "distinct",
          "from",
          "any",
          "all",
          "some",
          "array",
          "case",
          "when",
          "then",
          "else",
          "end",
          "in",
          "like",
          "ilike",
          "between",
          "similar",
          "to",
          "escape",
          "row",
          "unknown",
          "at",
          "exists",
          "hashed",
          "subplan",
          "initplan",
          "current_date",
          "current_time",
          "current_timestamp",
          "localtime",
          "localtimestamp",
          "current_user",
          "session_user",
          "user",
          "default",
          "asc",
          "desc",
          "nulls",
          "first",
          "last",
          "using",
          "symmetric",
          "overlaps");

  private static final Set<String> TYPE_WORDS =
      Set.of("varying", "precision", "with", "without", "time", "zone");

  private ConditionColumns() {}

  /** The columns of {@code expr} that belong to {@code alias} (all columns when alias is null). */
  static List<String> of(String expr, String alias) {
    Set<String> out = new LinkedHashSet<>();
    if (expr == null) {
      return new ArrayList<>(out);
    }
    List<Token> tokens = tokens(expr);
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind == Kind.CAST) {
        i = skipType(tokens, i + 1) - 1;
        continue;
      }
      if (t.kind != Kind.NAME && t.kind != Kind.QUOTED) {
        continue;
      }
      if (i > 0 && tokens.get(i - 1).kind == Kind.DOT) {
        continue; // a field of a row expression, e.g. (InitPlan 1).col1
      }
      if (t.kind == Kind.NAME && t.text.equalsIgnoreCase("collate")) {
        i++; // the collation name
        continue;
      }
      List<String> chain = new ArrayList<>();
      chain.add(t.text);
      int j = i + 1;
      while (j + 1 < tokens.size()
          && tokens.get(j).kind == Kind.DOT
          && (tokens.get(j + 1).kind == Kind.NAME || tokens.get(j + 1).kind == Kind.QUOTED)) {
        chain.add(tokens.get(j + 1).text);
        j += 2;
      }
      i = j - 1;
      if (j < tokens.size() && tokens.get(j).kind == Kind.OPEN) {
        continue; // a function name
      }
      if (chain.size() == 1
          && t.kind == Kind.NAME
          && KEYWORDS.contains(t.text.toLowerCase(Locale.ROOT))) {
        continue;
      }
      String column = chain.get(chain.size() - 1);
      String qualifier = chain.size() > 1 ? chain.get(chain.size() - 2) : null;
      if (alias == null || qualifier == null || qualifier.equals(alias)) {
        out.add(column);
      }
    }
    return new ArrayList<>(out);
  }

  /** The alias a condition qualifies its first column with, or null. */
  static String firstQualifier(String expr) {
    List<Token> tokens = tokens(expr == null ? "" : expr);
    for (int i = 0; i + 2 < tokens.size(); i++) {
      if ((tokens.get(i).kind == Kind.NAME || tokens.get(i).kind == Kind.QUOTED)
          && tokens.get(i + 1).kind == Kind.DOT
          && (i == 0 || tokens.get(i - 1).kind != Kind.DOT)) {
        return tokens.get(i).text;
      }
    }
    return null;
  }

  private static int skipType(List<Token> tokens, int i) {
    int j = i;
    if (j < tokens.size()
        && (tokens.get(j).kind == Kind.NAME || tokens.get(j).kind == Kind.QUOTED)) {
      j++;
      while (j + 1 < tokens.size() && tokens.get(j).kind == Kind.DOT) {
        j += 2; // schema-qualified type
      }
    }
    while (j < tokens.size()) {
      Token t = tokens.get(j);
      if (t.kind == Kind.NAME && TYPE_WORDS.contains(t.text.toLowerCase(Locale.ROOT))) {
        j++;
      } else if (t.kind == Kind.OPEN
          && j + 1 < tokens.size()
          && tokens.get(j + 1).kind == Kind.OTHER) {
        j++; // a type modifier: skip to the closing parenthesis
        while (j < tokens.size() && tokens.get(j).kind != Kind.CLOSE) {
          j++;
        }
        j++;
      } else if (t.kind == Kind.OTHER && t.text.equals("[]")) {
        j++;
      } else {
        break;
      }
    }
    return j;
  }

  private enum Kind {
    NAME,
    QUOTED,
    DOT,
    CAST,
    OPEN,
    CLOSE,
    OTHER
  }

  private record Token(Kind kind, String text) {}

  private static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char ch = s.charAt(i);
      if (Character.isWhitespace(ch)) {
        i++;
      } else if (ch == '\'') {
        i = ConditionRoles.endOfQuoted(s, i);
        out.add(new Token(Kind.OTHER, "'"));
      } else if (ch == '"') {
        int end = ConditionRoles.endOfQuoted(s, i);
        out.add(new Token(Kind.QUOTED, s.substring(i + 1, end - 1).replace("\"\"", "\"")));
        i = end;
      } else if (Character.isLetter(ch) || ch == '_') {
        int j = i + 1;
        while (j < n
            && (Character.isLetterOrDigit(s.charAt(j))
                || s.charAt(j) == '_'
                || s.charAt(j) == '$')) {
          j++;
        }
        if (j < n && s.charAt(j) == '\'' && j - i == 1) {
          i = ConditionRoles.endOfQuoted(s, j); // E'...' or B'...'
          out.add(new Token(Kind.OTHER, "'"));
          continue;
        }
        out.add(new Token(Kind.NAME, s.substring(i, j)));
        i = j;
      } else if (Character.isDigit(ch) || ch == '$') {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.')) {
          j++;
        }
        out.add(new Token(Kind.OTHER, s.substring(i, j)));
        i = j;
      } else if (ch == ':' && i + 1 < n && s.charAt(i + 1) == ':') {
        out.add(new Token(Kind.CAST, "::"));
        i += 2;
      } else if (ch == '.') {
        out.add(new Token(Kind.DOT, "."));
        i++;
      } else if (ch == '(') {
        out.add(new Token(Kind.OPEN, "("));
        i++;
      } else if (ch == ')') {
        out.add(new Token(Kind.CLOSE, ")"));
        i++;
      } else if (ch == '[' && i + 1 < n && s.charAt(i + 1) == ']') {
        out.add(new Token(Kind.OTHER, "[]"));
        i += 2;
      } else {
        out.add(new Token(Kind.OTHER, String.valueOf(ch)));
        i++;
      }
    }
    return out;
  }
}
