package dev.indexlab.explain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Quotes a name the way PostgreSQL's {@code quote_identifier()} does when EXPLAIN prints relation,
 * alias and index names in text: only names that are not all lower-case letters, digits and
 * underscores (starting with a letter or underscore), and keywords that are not unreserved, get
 * double quotes. (indexlab's own SQL always quotes, with {@link dev.indexlab.db.Identifiers}.)
 */
final class ServerIdentifierQuoting {
  private static final Set<String> KEYWORDS = load();

  private ServerIdentifierQuoting() {}

  static String quote(String name) {
    if (name == null) {
      return null;
    }
    if (!needsQuotes(name)) {
      return name;
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static boolean needsQuotes(String name) {
    if (name.isEmpty()) {
      return true;
    }
    char first = name.charAt(0);
    if (!((first >= 'a' && first <= 'z') || first == '_')) {
      return true;
    }
    for (int i = 1; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) {
        return true;
      }
    }
    return KEYWORDS.contains(name);
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (InputStream in =
            ServerIdentifierQuoting.class.getResourceAsStream("reserved-keywords.txt");
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(
                    java.util.Objects.requireNonNull(in, "reserved-keywords.txt"),
                    StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
