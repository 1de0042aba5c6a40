package dev.indexlab.explain;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Replaces the numbers that differ from one execution to the next (times) in EXPLAIN text, so two
 * executions' texts compare equal when everything else (structure, costs, rows, buffers,
 * conditions) is.
 */
final class TimingMask {
  private static final Pattern ACTUAL_TIME = Pattern.compile("time=\\d+\\.\\d+\\.\\.\\d+\\.\\d+");
  private static final Pattern SUMMARY =
      Pattern.compile("^(Planning Time|Execution Time): \\d+\\.\\d+ ms$");
  private static final Pattern TRIGGER = Pattern.compile(": time=\\d+\\.\\d+ calls=");
  private static final Pattern IO = Pattern.compile("(read|write)=\\d+\\.\\d+");
  private static final Pattern JIT_TIMING = Pattern.compile("\\d+\\.\\d+ ms");

  private TimingMask() {}

  static List<String> mask(List<String> lines) {
    return lines.stream().map(TimingMask::mask).toList();
  }

  static String mask(String line) {
    String s = ACTUAL_TIME.matcher(line).replaceAll("time=T..T");
    s = SUMMARY.matcher(s).replaceAll("$1: T ms");
    s = TRIGGER.matcher(s).replaceAll(": time=T calls=");
    if (s.stripLeading().startsWith("I/O Timings:")) {
      s = IO.matcher(s).replaceAll("$1=T");
    }
    if (s.stripLeading().startsWith("Timing: ")) {
      s = JIT_TIMING.matcher(s).replaceAll("T ms");
    }
    return s;
  }
}
