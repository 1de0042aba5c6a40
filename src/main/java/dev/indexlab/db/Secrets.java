package dev.indexlab.db;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Masks passwords in JDBC URLs and free text before anything is printed or written. Every password
 * indexlab is given (an option, PGPASSWORD, a URL's {@code password=}) is {@link #remember
 * remembered}, so that {@link #maskAll} can scrub it from text indexlab did not write itself, such
 * as a driver's exception messages in a {@code --verbose} stack trace.
 */
public final class Secrets {
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;\\s]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^:/@\\s]+:)[^@/\\s]+@");
  private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

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
      return maskAll(text);
    }
    return maskAll(text.replace(secret, "****"));
  }

  /** Remembers {@code secret} (when not blank) for {@link #maskAll}, for the rest of the JVM. */
  public static void remember(String secret) {
    if (secret != null && !secret.isBlank()) {
      KNOWN.add(secret);
    }
  }

  /** {@code text} with URL passwords masked and every remembered secret replaced. */
  public static String maskAll(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String secret : KNOWN) {
      masked = masked.replace(secret, "****");
    }
    return maskUrl(masked);
  }
}
