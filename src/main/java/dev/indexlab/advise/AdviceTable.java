package dev.indexlab.advise;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Prints an {@link AdviseRun.Outcome} for people: one block per candidate (number, name, kind,
 * what-if verdict and summed estimated cost before and after, then each reason on its own line),
 * then what was deliberately not proposed, then where the files went. Costs are the planner's
 * estimates in its own units, not times.
 */
public final class AdviceTable {
  private static final int COMMENT_WIDTH = 150;

  private AdviceTable() {}

  /** The text, ending with a newline. */
  public static String render(AdviseRun.Outcome o, Path candidatesDir) {
    StringBuilder b = new StringBuilder();
    List<Candidate> candidates = o.advice().candidates();
    b.append(
        String.format(
            Locale.ROOT,
            "%d candidate(s) on %d table(s), %d index(es), %d foreign key(s); workload sample: %s%n",
            candidates.size(),
            o.catalog().tables().size(),
            o.catalog().indexes().size(),
            o.catalog().foreignKeys().size(),
            o.sample().routes() == 0 ? "none" : o.sample().describe()));
    o.sample().failures().forEach(f -> b.append("  route failed: ").append(f).append('\n'));
    b.append(
        String.format(
            Locale.ROOT,
            "%n %3s  %-44s %-15s %-16s %s%n",
            "#",
            "candidate",
            "kind",
            "what-if",
            "est. cost before -> after (planner units)"));
    int n = 1;
    for (Candidate c : candidates) {
      WhatIfResult w = o.whatIf().get(c.name());
      String verdict = w == null ? "not run" : w.verdict().name();
      String cost =
          w == null || w.statements().isEmpty()
              ? (w == null ? "" : w.summary())
              : WhatIfResult.costChange(w.costBefore(), w.costAfter());
      b.append(
          String.format(
              Locale.ROOT, " %3d  %-44s %-15s %-16s %s%n", n++, c.name(), c.kind(), verdict, cost));
      b.append("      ").append(c.description()).append('\n');
      for (Reason r : c.reasons()) {
        b.append("      - ").append(r.where()).append(": ").append(cut(r.comment())).append('\n');
      }
      if (w != null && !w.statements().isEmpty()) {
        b.append("      what-if: ").append(cut(w.summary())).append('\n');
      }
    }
    if (!o.advice().notes().isEmpty()) {
      b.append("\nNot proposed:\n");
      o.advice().notes().forEach(note -> b.append("  - ").append(note).append('\n'));
    }
    CandidateWriter.Result written = o.written();
    b.append('\n')
        .append(written.written().size())
        .append(" candidate folder(s) written to ")
        .append(candidatesDir)
        .append('\n');
    if (!written.kept().isEmpty()) {
      b.append("already there, kept as they are: ")
          .append(String.join(", ", written.kept()))
          .append('\n');
    }
    return b.toString();
  }

  private static String cut(String text) {
    String one = text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ");
    return one.length() <= COMMENT_WIDTH ? one : one.substring(0, COMMENT_WIDTH - 3) + "...";
  }
}
