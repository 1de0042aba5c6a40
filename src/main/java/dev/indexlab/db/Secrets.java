package dev.indexlab.db;

import java.util.regex.Pattern;

/** Masks passwords in JDBC URLs and free text before anything is printed or written. */
public final class Secrets {
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;\\s]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^:/@\\s]+:)[^@/\\s]+@");

  private Secrets() {}

  /** Returns {@code url} with any {@code password=} parameter or user-info password masked. */
  public static String maskUrl(String url) {
    if (url == null) {
      return null;
    }
    String masked = URL_PASSWORD.matcher(url).replaceAll("$1****");
    return USER_INFO.matcher(masked).replaceAll("$1****@");
  }

  /** Replaces every occurrence of {@code secret} in {@code text} (when both are non-empty). */
  public static String scrub(String text, String secret) {
    if (text == null || secret == null || secret.isEmpty()) {
      return maskUrl(text);
    }
    return maskUrl(text.replace(secret, "****"));
  }
}
