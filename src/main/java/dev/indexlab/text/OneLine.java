package dev.indexlab.text;

/**
 * A message (a server's, a parser's, a driver's) fitted to the single line it is quoted on: a
 * problem line, a route file's comment, a reason in a table cell. A null message is the empty line;
 * a caller with a better word for "no message" passes that word instead of null.
 */
public final class OneLine {
  private OneLine() {}

  /** Every line of {@code s} joined with one space, the breaks' surrounding blanks dropped. */
  public static String joined(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  /** The first line of {@code s}, as it stands. */
  public static String first(String s) {
    return s == null ? "" : s.split("\\R", 2)[0];
  }
}
