package dev.indexlab.capture;

import dev.indexlab.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a capture wrote: the route files, the statements set aside with {@code -- @skip} (file and
 * reason), how many statements were left out and why, how many fell below {@code --min-calls}, the
 * share of the time the routes account for, and the parameters left for the user to fill in.
 */
public record CaptureSummary(
    Path out,
    String source,
    List<Path> routes,
    Map<Path, String> skipped,
    Map<String, Integer> leftOut,
    int considered,
    int belowMinCalls,
    double share,
    double totalMs,
    long todos,
    long milliseconds) {

  /** The summary's lines, as the command prints them. */
  public List<String> lines() {
    StringBuilder left = new StringBuilder();
    leftOut.forEach(
        (why, n) -> left.append(left.length() == 0 ? "" : ", ").append(n).append(' ').append(why));
    String first =
        String.format(
            Locale.ROOT,
            "indexlab capture: %d routes from %s covering %.1f%% of %,.0f ms in %d statements"
                + " considered; %d skipped; %d below "
                + Setting.MIN_CALLS
                + "; left out: %s; %d parameters to"
                + " fill in; wrote %s in %.1f s",
            routes.size(),
            source,
            share * 100,
            totalMs,
            considered,
            skipped.size(),
            belowMinCalls,
            left.length() == 0 ? "none" : left,
            todos,
            out,
            milliseconds / 1000.0);
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    out.add(first);
    skipped.forEach((f, why) -> out.add("  skipped " + f.getFileName() + ": " + why));
    if (todos > 0) {
      out.add(
          "  indexlab check "
              + Setting.WORKLOAD
              + " "
              + this.out
              + " "
              + Setting.DB
              + " URL lists the @param lines to fill in");
    }
    return out;
  }
}
