package dev.indexlab.workload;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates a parameter value that does not come from the data: {@code int: LO..HI}, {@code text:
 * LO..HI}, {@code oneof: A, B}, {@code const: V} and {@code format: TEMPLATE} with {@code
 * {base62:N}}, {@code {hex:N}} and {@code {int:LO..HI}} placeholders.
 */
final class ValueGenerator {
  private static final Pattern RANGE = Pattern.compile("^\\s*(-?\\d+)\\s*\\.\\.\\s*(-?\\d+)\\s*$");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(base62|hex|int):([^}]*)\\}");
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

  private ValueGenerator() {}

  /** Null when {@code spec} is valid for {@code kind}, else the problem in a few words. */
  public static String validate(String kind, String spec) {
    switch (kind) {
      case "int", "text" -> {
        Matcher m = RANGE.matcher(spec);
        if (!m.matches()) {
          return kind + ": expects LO..HI, was '" + spec + "'";
        }
        long lo = Long.parseLong(m.group(1));
        long hi = Long.parseLong(m.group(2));
        if (lo > hi || (kind.equals("text") && lo < 0)) {
          return kind + ": empty range " + spec;
        }
        return null;
      }
      case "oneof" -> {
        return options(spec).isEmpty() ? "oneof: lists no value" : null;
      }
      case "format" -> {
        Matcher m = PLACEHOLDER.matcher(spec);
        while (m.find()) {
          String arg = m.group(2);
          boolean ok =
              m.group(1).equals("int") ? RANGE.matcher(arg).matches() : arg.matches("\\d{1,4}");
          if (!ok) {
            return "format: bad placeholder " + m.group();
          }
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  /** A value for {@code source} (not a sample); numbers bind as {@link Long}. */
  public static Object generate(ParameterSource source, Random random) {
    String spec = source.spec();
    switch (source.kind()) {
      case "int" -> {
        Matcher m = RANGE.matcher(spec);
        m.matches();
        long lo = Long.parseLong(m.group(1));
        long hi = Long.parseLong(m.group(2));
        return lo + (long) Math.floor(random.nextDouble() * (hi - lo + 1));
      }
      case "text" -> {
        Matcher m = RANGE.matcher(spec);
        m.matches();
        int lo = Integer.parseInt(m.group(1));
        int hi = Integer.parseInt(m.group(2));
        int length = lo + random.nextInt(hi - lo + 1);
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
          boolean space =
              i > 0 && i < length - 1 && b.charAt(i - 1) != ' ' && random.nextInt(7) == 0;
          b.append(space ? ' ' : LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return b.toString();
      }
      case "oneof" -> {
        List<String> options = options(spec);
        return constant(options.get(random.nextInt(options.size())));
      }
      case "const" -> {
        return constant(spec);
      }
      case "format" -> {
        return format(spec, random);
      }
      default -> throw new IllegalArgumentException("not a generator: " + source.kind());
    }
  }

  private static String format(String template, Random random) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group(1).equals("int")) {
        Matcher r = RANGE.matcher(m.group(2));
        r.matches();
        long lo = Long.parseLong(r.group(1));
        long hi = Long.parseLong(r.group(2));
        replacement = Long.toString(lo + (long) Math.floor(random.nextDouble() * (hi - lo + 1)));
      } else {
        String alphabet = m.group(1).equals("hex") ? "0123456789abcdef" : BASE62;
        int n = Integer.parseInt(m.group(2));
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
          b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        replacement = b.toString();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static List<String> options(String spec) {
    return Arrays.stream(spec.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static Object constant(String text) {
    if (text.matches("-?\\d{1,18}")) {
      return Long.parseLong(text);
    }
    return text;
  }
}
