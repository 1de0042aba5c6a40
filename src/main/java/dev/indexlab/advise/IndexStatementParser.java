package dev.indexlab.advise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a hand-written {@code CREATE INDEX} or {@code DROP INDEX} statement creates or drops,
 * best effort: name, table (schema {@code public} when unqualified), method and plain key columns.
 * Expression keys are kept as their text. Anything it cannot read gives an empty result, never an
 * error: the candidate is still applied and measured, only its table is unknown.
 *
 * <p>Only for statements no database has run yet: a candidate folder as read from disk ({@link
 * CandidateReader}), the production migration of an index on a partitioned table ({@link
 * PartitionedIndexMigration}) and a DROP INDEX's target ({@link ProductionMigration}). Once a
 * candidate's migration has run, {@link AppliedIndexes} reads its indexes from the server instead.
 */
final class IndexStatementParser {
  private static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)";
  private static final Pattern CREATE =
      Pattern.compile(
          "(?is)^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?"
              + "("
              + IDENT
              + ")\\s+ON\\s+(?:ONLY\\s+)?("
              + IDENT
              + "(?:\\."
              + IDENT
              + ")?)\\s*(?:USING\\s+(\\w+)\\s*)?\\((.*)$");
  private static final Pattern DROP =
      Pattern.compile(
          "(?is)^DROP\\s+INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+EXISTS\\s+)?("
              + IDENT
              + "(?:\\."
              + IDENT
              + ")?)\\s*(?:CASCADE|RESTRICT)?$");

  private IndexStatementParser() {}

  /** The index a {@code CREATE INDEX} statement creates. */
  static Optional<IndexSpec> create(String sql) {
    Matcher m = CREATE.matcher(sql.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String[] table = qualified(m.group(2));
    String method = m.group(3) == null ? "btree" : m.group(3).toLowerCase(Locale.ROOT);
    List<IndexKey> keys = new ArrayList<>();
    String inside = balanced(m.group(4));
    if (inside == null) {
      return Optional.empty();
    }
    for (String part : splitTopLevel(inside)) {
      keys.add(key(part.strip()));
    }
    return Optional.of(new IndexSpec(table[0], table[1], unquote(m.group(1)), method, keys));
  }

  /** The {@code schema, name} a {@code DROP INDEX} statement drops. */
  static Optional<String[]> drop(String sql) {
    Matcher m = DROP.matcher(sql.strip());
    return m.matches() ? Optional.of(qualified(m.group(1))) : Optional.empty();
  }

  private static IndexKey key(String text) {
    List<String> words = new ArrayList<>(List.of(text.split("\\s+")));
    boolean desc = false;
    String column = words.get(0);
    if (column.startsWith("(")) {
      return new IndexKey(text, false, null);
    }
    String opclass = null;
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i).toUpperCase(Locale.ROOT);
      if (w.equals("DESC")) {
        desc = true;
      } else if (w.equals("NULLS")) {
        i++;
      } else if (!w.equals("ASC") && !w.equals("COLLATE") && opclass == null) {
        opclass = words.get(i);
      }
    }
    return new IndexKey(unquote(column), desc, opclass);
  }

  private static String[] qualified(String text) {
    List<String> parts = new ArrayList<>();
    Matcher m = Pattern.compile(IDENT).matcher(text);
    while (m.find()) {
      parts.add(unquote(m.group()));
    }
    return parts.size() == 2
        ? new String[] {parts.get(0), parts.get(1)}
        : new String[] {"public", parts.get(0)};
  }

  /** An identifier as stored: quotes removed, or folded to lower case when unquoted. */
  static String unquote(String ident) {
    if (ident.startsWith("\"") && ident.endsWith("\"") && ident.length() >= 2) {
      return ident.substring(1, ident.length() - 1).replace("\"\"", "\"");
    }
    return ident.toLowerCase(Locale.ROOT);
  }

  /** The text before the parenthesis that closes the one just before {@code rest}. */
  private static String balanced(String rest) {
    int depth = 1;
    boolean quoted = false;
    for (int i = 0; i < rest.length(); i++) {
      char ch = rest.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')' && --depth == 0) {
        return rest.substring(0, i);
      }
    }
    return null;
  }

  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    StringBuilder cur = new StringBuilder();
    for (char ch : text.toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')') {
        depth--;
      } else if (!quoted && depth == 0 && ch == ',') {
        parts.add(cur.toString());
        cur.setLength(0);
        continue;
      }
      cur.append(ch);
    }
    parts.add(cur.toString());
    return parts;
  }
}
