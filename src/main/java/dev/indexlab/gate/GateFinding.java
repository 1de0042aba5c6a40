package dev.indexlab.gate;

import java.util.List;

/**
 * One regression the gate found in a route, with its evidence.
 *
 * @param kind what regressed
 * @param statement the statement it concerns, e.g. {@code statement 2 "delete the user"}, or null
 *     for the route as a whole (time)
 * @param summary a few words for the one-line verdict, e.g. {@code Index Scan → Seq Scan on
 *     song_history}
 * @param message the full one-line reason
 * @param before the relevant plan lines of the baseline (may be empty)
 * @param after the relevant plan lines now (may be empty)
 */
record GateFinding(
    Kind kind,
    String statement,
    String summary,
    String message,
    List<String> before,
    List<String> after) {

  /** What regressed. */
  public enum Kind {
    /** The plan changed for the worse: a new sequential scan, an unused index, a spill. */
    PLAN,
    /** More shared buffers per execution. */
    BUFFERS,
    /** Slower beyond the threshold, and significantly so. */
    TIME,
    /** The route no longer runs. */
    FAILED
  }

  public GateFinding {
    before = before == null ? List.of() : List.copyOf(before);
    after = after == null ? List.of() : List.copyOf(after);
  }

  /** The evidence as text: the message, then the plan lines before and after, indented. */
  public String evidence() {
    StringBuilder b = new StringBuilder();
    b.append(statement == null ? "" : statement + ": ").append(message).append('\n');
    if (!before.isEmpty() || !after.isEmpty()) {
      b.append("  before:\n");
      lines(b, before);
      b.append("  after:\n");
      lines(b, after);
    }
    return b.toString();
  }

  private static void lines(StringBuilder b, List<String> lines) {
    if (lines.isEmpty()) {
      b.append("    (none)\n");
    }
    lines.forEach(l -> b.append("    ").append(l).append('\n'));
  }
}
