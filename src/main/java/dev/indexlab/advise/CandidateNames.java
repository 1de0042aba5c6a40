package dev.indexlab.advise;

import java.util.Locale;

/**
 * How candidates and their indexes are named. An index is named like PostgreSQL names its own:
 * {@code <table>_<col>[_<col>...]_idx} ({@code _trgm_idx} for trigram indexes), in lower case
 * ASCII, at most 63 bytes (NAMEDATALEN - 1), so it never needs quoting. A candidate is named {@code
 * idx_<table>_<cols>}, {@code trgm_<table>_<cols>} or {@code drop_<index>}; its folder is {@code
 * <NNN>_<name>}.
 */
final class CandidateNames {
  /** PostgreSQL's identifier length limit in bytes. */
  public static final int MAX_IDENTIFIER = 63;

  private CandidateNames() {}

  /** Lower case ASCII letters, digits and single underscores; never empty. */
  public static String slug(String text) {
    String s =
        text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    return s.isEmpty() ? "x" : s;
  }

  /** {@code base} cut to fit {@code suffix} within 63 bytes. */
  public static String fit(String base, String suffix) {
    int room = MAX_IDENTIFIER - suffix.length();
    String cut = base.length() > room ? base.substring(0, room).replaceAll("_+$", "") : base;
    return cut + suffix;
  }

  /** {@code n} with {@code _2}, {@code _3}... appended until {@code taken} says it is free. */
  public static String unique(String name, java.util.function.Predicate<String> taken) {
    if (!taken.test(name)) {
      return name;
    }
    for (int i = 2; ; i++) {
      String candidate = fit(name, "_" + i);
      if (!taken.test(candidate)) {
        return candidate;
      }
    }
  }
}
