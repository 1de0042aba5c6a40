package dev.indexlab.cli;

import dev.indexlab.Setting;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line's name for each {@link Setting}: lower packages name a setting by its mark
 * ({@code {setting:SCALE}}) and never by its flag, and everything the commands print passes through
 * {@link #rendering(PrintWriter)}, which puts the flag in the mark's place.
 */
final class FlagNames {
  private static final Pattern MARK = Pattern.compile("\\{setting:([A-Z][A-Z_]*)}");

  private FlagNames() {}

  /** The flag that gives {@code s}. */
  static String flag(Setting s) {
    return switch (s) {
      case ALLOW_MISMATCH -> "--allow-mismatch";
      case BASE -> "--base";
      case BUFFERS_THRESHOLD -> "--buffers-threshold";
      case DB -> "--db";
      case EXPLAIN_DRAWS -> "--explain-draws";
      case EXPORT_PGBENCH -> "--export-pgbench";
      case FORCE -> "--force";
      case FROM -> "--from";
      case HEAD -> "--head";
      case IN_PLACE -> "--in-place";
      case JUNIT -> "--junit";
      case LARGE_TABLE -> "--large-table";
      case LOG -> "--log";
      case MIN_CALLS -> "--min-calls";
      case OUT -> "--out";
      case PARAMETER_SETS -> "--parameter-sets";
      case PGBENCH -> "--pgbench";
      case PG_DUMP -> "--pg-dump";
      case PG_VERSION -> "--pg-version";
      case PROFILE -> "--profile";
      case ROUNDS -> "--rounds";
      case ROUTES -> "--routes";
      case SCALE -> "--scale";
      case SCENARIO -> "--scenario";
      case SCHEMA -> "--schema";
      case SUMMARY -> "--summary";
      case THREADS -> "--threads";
      case THRESHOLD -> "--threshold";
      case THRESHOLD_MS -> "--threshold-ms";
      case WORKLOAD -> "--workload";
    };
  }

  /** {@code text} with every setting's mark replaced by its flag; other braces stay as they are. */
  static String render(String text) {
    if (text.indexOf('{') < 0) {
      return text;
    }
    Matcher m = MARK.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String replacement =
          Arrays.stream(Setting.values())
              .filter(s -> s.name().equals(name))
              .findFirst()
              .map(FlagNames::flag)
              .orElse(m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    return m.appendTail(out).toString();
  }

  /**
   * A writer onto {@code out} that renders the marks in what is written to it. A mark is one token
   * of a message and reaches the writer in one piece (a {@code print} or a {@code printf}
   * argument), so each piece is rendered on its own.
   */
  static PrintWriter rendering(PrintWriter out) {
    return new PrintWriter(
        new FilterWriter(out) {
          @Override
          public void write(String text, int off, int len) throws IOException {
            String rendered = render(text.substring(off, off + len));
            out.write(rendered, 0, rendered.length());
          }

          @Override
          public void write(char[] chars, int off, int len) throws IOException {
            write(new String(chars, off, len), 0, len);
          }
        },
        true);
  }
}
