package dev.indexlab.songstackify;

import dev.indexlab.seed.RowRandom;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Realistic-looking text for SongStackify rows, built from the word lists in {@code
 * vocabulary.txt}: song titles (about 5–40 characters), artist and album names, playlist names,
 * argon2-style password hashes and platform URLs. Every method is a pure function of the random
 * bits it is given, so a row's text depends only on the seed and the row.
 */
final class FakeText {
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final FakeText INSTANCE = load();

  private final String[] adjectives;
  private final String[] nouns;
  private final String[] verbs;
  private final String[] objects;
  private final String[] suffixes;
  private final String[] firstNames;
  private final String[] lastNames;
  private final String[] playlistWords;

  private FakeText(Map<String, String[]> sections) {
    this.adjectives = section(sections, "adjectives");
    this.nouns = section(sections, "nouns");
    this.verbs = section(sections, "verbs");
    this.objects = section(sections, "objects");
    this.suffixes = section(sections, "suffixes");
    this.firstNames = section(sections, "first_names");
    this.lastNames = section(sections, "last_names");
    this.playlistWords = section(sections, "playlist_words");
  }

  static FakeText get() {
    return INSTANCE;
  }

  /** A song title. */
  String songTitle(long bits) {
    long b = RowRandom.mix(bits);
    String title =
        switch (RowRandom.below(bits, 20)) {
          case 0, 1, 2, 3 -> pick(adjectives, b) + " " + pick(nouns, b >>> 16);
          case 4, 5, 6 -> pick(verbs, b) + " " + pick(objects, b >>> 16);
          case 7, 8 -> "The " + pick(nouns, b);
          case 9, 10 -> pick(nouns, b);
          case 11 -> pick(nouns, b) + " of " + pick(nouns, b >>> 16);
          case 12 -> pick(nouns, b) + " in the " + pick(nouns, b >>> 16);
          case 13 -> "Don't " + pick(verbs, b) + " " + pick(objects, b >>> 16);
          case 14 -> pick(adjectives, b);
          case 15 ->
              pick(verbs, b) + " " + pick(objects, b >>> 16) + " " + pick(suffixes, b >>> 32);
          case 16 ->
              pick(adjectives, b) + " " + pick(nouns, b >>> 16) + " " + pick(suffixes, b >>> 32);
          case 17 -> pick(verbs, b) + " Like the " + pick(nouns, b >>> 16);
          default -> pick(adjectives, b) + " " + plural(pick(nouns, b >>> 16));
        };
    if (RowRandom.below(RowRandom.mix(b + 7), 16) == 0) {
      title += " (feat. " + pick(firstNames, b >>> 48) + " " + pick(lastNames, b >>> 24) + ")";
    }
    return title;
  }

  /** An artist or band name. */
  String artist(long bits) {
    long b = RowRandom.mix(bits);
    return switch (RowRandom.below(bits, 20)) {
      case 0, 1, 2, 3, 4, 5, 6, 7 -> pick(firstNames, b) + " " + pick(lastNames, b >>> 16);
      case 8, 9, 10 -> "The " + pick(adjectives, b) + " " + plural(pick(nouns, b >>> 16));
      case 11, 12 -> pick(adjectives, b) + " " + pick(nouns, b >>> 16);
      case 13 -> "DJ " + pick(firstNames, b);
      case 14 -> "Lil " + pick(nouns, b);
      case 15 -> pick(firstNames, b) + " & the " + plural(pick(nouns, b >>> 16));
      case 16 -> pick(nouns, b) + " " + pick(nouns, b >>> 16);
      case 17 -> "MC " + pick(lastNames, b);
      default -> pick(firstNames, b);
    };
  }

  /** An album name; {@code artist} is used for self-titled albums. */
  String album(long bits, String artist) {
    long b = RowRandom.mix(bits);
    return switch (RowRandom.below(bits, 20)) {
      case 0, 1, 2, 3, 4, 5 -> pick(adjectives, b) + " " + pick(nouns, b >>> 16);
      case 6, 7, 8 -> pick(nouns, b);
      case 9, 10 -> artist;
      case 11, 12 -> pick(nouns, b) + " (Deluxe Edition)";
      case 13 -> "Greatest Hits";
      case 14 -> "Live at the " + pick(nouns, b);
      case 15, 16 -> pick(verbs, b) + " " + pick(objects, b >>> 16);
      default -> "The " + pick(adjectives, b) + " " + pick(nouns, b >>> 16);
    };
  }

  /** A playlist name, or null for the few playlists that were never named. */
  String playlistName(long bits) {
    long b = RowRandom.mix(bits);
    return switch (RowRandom.below(bits, 50)) {
      case 0 -> null;
      case 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 ->
          pick(playlistWords, b);
      case 21, 22, 23, 24, 25, 26, 27, 28, 29, 30 ->
          pick(playlistWords, b) + " " + pick(playlistWords, b >>> 16).toLowerCase(Locale.ROOT);
      case 31, 32, 33, 34, 35 -> pick(playlistWords, b) + " " + (2010 + RowRandom.below(b, 8));
      case 36, 37, 38, 39 -> pick(firstNames, b) + "'s " + pick(playlistWords, b >>> 16);
      case 40, 41, 42 -> pick(playlistWords, b).toUpperCase(Locale.ROOT);
      default -> pick(adjectives, b).toLowerCase(Locale.ROOT) + " " + pick(playlistWords, b >>> 16);
    };
  }

  /** An argon2id hash string in the PHC format: 97 characters, as the application stored. */
  static String argon2Hash(long bits) {
    StringBuilder sb = new StringBuilder(97).append("$argon2id$v=19$m=65536,t=3,p=4$");
    base64(sb, bits, 22);
    sb.append('$');
    base64(sb, RowRandom.mix(bits + 1), 43);
    return sb.toString();
  }

  /** A Spotify track URL: {@code https://open.spotify.com/track/} and 22 base62 characters. */
  static String spotifyUrl(long bits) {
    StringBuilder sb = new StringBuilder(53).append("https://open.spotify.com/track/");
    long b = 0;
    for (int i = 0; i < 22; i++) {
      if (i % 10 == 0) {
        b = RowRandom.hash(bits, 62, i);
      }
      sb.append(BASE62.charAt((int) Long.remainderUnsigned(b, 62)));
      b = Long.divideUnsigned(b, 62);
    }
    return sb.toString();
  }

  /** An Apple Music track URL for a song on {@code album}. */
  static String appleUrl(long bits, String album) {
    return "https://music.apple.com/us/album/"
        + slug(album)
        + "/"
        + (1_000_000_000L + Long.remainderUnsigned(bits, 800_000_000L))
        + "?i="
        + (1_000_000_000L + Long.remainderUnsigned(RowRandom.mix(bits), 800_000_000L));
  }

  /** 24 lowercase hex characters, like the schema's md5-based default. */
  static String hexKey(long bits) {
    String a = Long.toHexString(RowRandom.mix(bits) | Long.MIN_VALUE);
    String b = Long.toHexString(RowRandom.mix(bits + 1) | Long.MIN_VALUE);
    return (a + b).substring(0, 24);
  }

  /** Lowercase ASCII words joined by hyphens, as in a URL path. */
  static String slug(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(ascii.length());
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        sb.append(c);
      } else if (c < 128 && sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
        sb.append('-');
      }
    }
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == '-') {
      end--;
    }
    return end == 0 ? "album" : sb.substring(0, end);
  }

  static String plural(String noun) {
    if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")) {
      return noun.endsWith("s") ? noun : noun + "es";
    }
    if (noun.endsWith("y")
        && noun.length() > 1
        && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
      return noun.substring(0, noun.length() - 1) + "ies";
    }
    return noun + "s";
  }

  private static void base64(StringBuilder sb, long bits, int chars) {
    long b = 0;
    for (int i = 0; i < chars; i++) {
      if (i % 10 == 0) {
        b = RowRandom.hash(bits, 64, i);
      }
      sb.append(BASE64.charAt((int) (b & 63)));
      b >>>= 6;
    }
  }

  private static String pick(String[] words, long bits) {
    return words[RowRandom.below(RowRandom.mix(bits), words.length)];
  }

  private static String[] section(Map<String, String[]> sections, String name) {
    String[] words = sections.get(name);
    if (words == null || words.length == 0) {
      throw new IllegalStateException("vocabulary.txt has no [" + name + "] words");
    }
    return words;
  }

  private static FakeText load() {
    Map<String, Set<String>> sections = new LinkedHashMap<>();
    try (InputStream in = FakeText.class.getResourceAsStream("vocabulary.txt")) {
      if (in == null) {
        throw new IllegalStateException("vocabulary.txt is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Set<String> current = null;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip();
        if (word.isEmpty() || word.startsWith("#")) {
          continue;
        }
        if (word.startsWith("[") && word.endsWith("]")) {
          current = new LinkedHashSet<>();
          sections.put(word.substring(1, word.length() - 1), current);
        } else if (current != null) {
          current.add(word);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String[]> arrays = new LinkedHashMap<>();
    sections.forEach((k, v) -> arrays.put(k, new ArrayList<>(v).toArray(String[]::new)));
    return new FakeText(arrays);
  }
}
