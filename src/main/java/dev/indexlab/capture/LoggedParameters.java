package dev.indexlab.capture;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the parameter list the server logs ({@code $1 = '42', $2 = NULL, $3 = 'it''s'}): each value
 * is NULL or a quoted literal with doubled quotes, as {@code log_parameter_max_length} left it (set
 * it to -1 so that long values are not cut).
 */
final class LoggedParameters {
  private LoggedParameters() {}

  /** {@code $n} by {@code n}, null for NULL; stops quietly at anything it cannot read. */
  static Map<Integer, String> parse(String text) {
    Map<Integer, String> out = new LinkedHashMap<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
        i++;
      }
      if (i >= n || text.charAt(i) != '$') {
        break;
      }
      int j = i + 1;
      while (j < n && Character.isDigit(text.charAt(j))) {
        j++;
      }
      if (j == i + 1 || !text.startsWith(" = ", j)) {
        break;
      }
      int number = Integer.parseInt(text.substring(i + 1, j));
      i = j + 3;
      if (text.startsWith("NULL", i)) {
        out.put(number, null);
        i += 4;
      } else if (i < n && text.charAt(i) == '\'') {
        StringBuilder b = new StringBuilder();
        i++;
        while (i < n) {
          char c = text.charAt(i);
          if (c == '\'' && i + 1 < n && text.charAt(i + 1) == '\'') {
            b.append('\'');
            i += 2;
          } else if (c == '\'') {
            i++;
            break;
          } else {
            b.append(c);
            i++;
          }
        }
        out.put(number, b.toString());
      } else {
        break;
      }
    }
    return out;
  }
}
