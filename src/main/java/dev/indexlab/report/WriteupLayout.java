package dev.indexlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of the team's hand-made write-up table, in its order and groups, and how a route's name
 * matches one of them. Names match whatever way they write the method ("POST /song/add" and
 * "/song/add (POST)" are the same row), ignoring case, a trailing slash and the names of path
 * parameters, but not a variant such as "(With Ad)".
 */
final class WriteupLayout {
  /** One row: the label as the write-up writes it, and the group it belongs to. */
  record Row(String label, int group) {}

  /** The write-up's rows, in order; groups are separated by a blank row in the table. */
  static final List<Row> ROWS =
      List.of(
          new Row("/users/create", 0),
          new Row("/users/platform (POST)", 0),
          new Row("/users/delete/{user_id} (POST)", 0),
          new Row("/song/get_library/ (GET)", 1),
          new Row("/song/add (POST)", 1),
          new Row("/song/link/add (POST)", 1),
          new Row("/song/{song_id}/remove (POST)", 1),
          new Row("/song/{song_id}/play (GET) (No Ad)", 1),
          new Row("/song/{song_id}/play (GET) (With Ad)", 1),
          new Row("/playlist/create (POST)", 2),
          new Row("/playlist/{playlist_id}/songs/add (POST)", 2),
          new Row("/playlist/{playlist_id}/play (GET) (No Ad)", 2),
          new Row("/playlist/{playlist_id}/play (GET) (With Ad)", 2),
          new Row("/ad/create (POST)", 3));

  private static final Set<String> METHODS =
      Set.of("get", "post", "put", "patch", "delete", "head", "options");
  private static final Pattern PARENS = Pattern.compile("\\(([^)]*)\\)");
  private static final Pattern PATH_PARAM = Pattern.compile("\\{[^}]*}");

  private WriteupLayout() {}

  /**
   * The key a route name matches by: its path (or, for a name without one, its words) and its
   * variants, lower case; {@code "POST /users/delete/{user_id}"} and {@code "/users/delete/{id}
   * (POST)"} give the same key.
   */
  static String key(String name) {
    if (name == null) {
      return "";
    }
    String lower = name.toLowerCase(Locale.ROOT).strip();
    List<String> variants = new ArrayList<>();
    Matcher m = PARENS.matcher(lower);
    while (m.find()) {
      String inside = m.group(1).strip();
      if (!METHODS.contains(inside)) {
        variants.add(inside.replaceAll("\\s+", " "));
      }
    }
    String rest = PARENS.matcher(lower).replaceAll(" ");
    String path = null;
    List<String> words = new ArrayList<>();
    for (String word : rest.split("\\s+")) {
      if (word.isEmpty() || METHODS.contains(word)) {
        continue;
      }
      if (path == null && word.startsWith("/")) {
        path = word;
      } else {
        words.add(word);
      }
    }
    String base;
    if (path != null) {
      base = PATH_PARAM.matcher(path).replaceAll("{}");
      if (base.length() > 1 && base.endsWith("/")) {
        base = base.substring(0, base.length() - 1);
      }
    } else {
      base = String.join(" ", words);
    }
    return base + (variants.isEmpty() ? "" : " | " + String.join(" | ", variants));
  }

  /** The index of the write-up row {@code routeName} matches, or -1. */
  static int rowOf(String routeName) {
    String key = key(routeName);
    for (int i = 0; i < ROWS.size(); i++) {
      if (key(ROWS.get(i).label()).equals(key)) {
        return i;
      }
    }
    return -1;
  }
}
