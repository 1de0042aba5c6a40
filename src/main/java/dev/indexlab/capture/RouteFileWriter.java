package dev.indexlab.capture;

import dev.indexlab.text.OneLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes one captured statement as a route file (docs/route-files.md): the route's name, a
 * description with the statement's calls, mean and total time and share, its calls as the weight,
 * the {@code @param} lines, where it came from (the queryid), and the statement with named
 * parameters. A statement that could not be made a route is written with {@code -- @skip REASON}
 * and its text in comments.
 */
final class RouteFileWriter {
  private RouteFileWriter() {}

  /** What goes into one file. */
  record Content(
      String routeName,
      CapturedStatement statement,
      double share,
      String origin,
      List<String> params,
      String namedSql,
      String skipReason) {}

  static void write(Path file, Content c) throws IOException {
    StringBuilder b = new StringBuilder();
    CapturedStatement s = c.statement();
    b.append("-- @route ").append(c.routeName()).append('\n');
    if (c.skipReason() != null) {
      b.append("-- @skip ").append(OneLine.joined(c.skipReason())).append('\n');
    }
    b.append("-- @description ")
        .append(
            String.format(
                Locale.ROOT,
                "%,d calls, mean %s ms, total %s ms, %.1f%% of the captured time",
                s.calls(),
                ms(s.meanMs()),
                ms(s.totalMs()),
                c.share() * 100))
        .append('\n');
    b.append("-- @weight ").append(s.calls()).append('\n');
    if (c.skipReason() == null) {
      for (String p : c.params()) {
        b.append("-- @param ").append(p).append('\n');
      }
    }
    b.append("--\n-- Captured by indexlab capture from ").append(c.origin());
    if (s.queryId() != null) {
      b.append(", queryid ").append(s.queryId());
    }
    b.append(".\n");
    if (c.skipReason() != null) {
      b.append("-- Not a route until the reason above is dealt with. The statement as captured:\n");
      for (String line : s.sql().split("\\R")) {
        b.append("--   ").append(line).append('\n');
      }
    } else {
      b.append("--\n-- @statement ").append(c.routeName()).append('\n');
      b.append(c.namedSql().strip()).append(";\n");
    }
    Files.writeString(file, b, StandardCharsets.UTF_8);
  }

  private static String ms(double v) {
    if (v >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (v >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
