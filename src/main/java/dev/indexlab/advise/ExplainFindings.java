package dev.indexlab.advise;

import dev.indexlab.results.Finding;
import dev.indexlab.results.FindingKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one mapping from the explain step's findings to the advisor's input: each {@link Finding}
 * becomes a {@link PlanFinding} with the same relation, column roles, place and numbers, in memory
 * ({@code run} passes its baseline's findings straight here) or read back from a findings file
 * ({@code explain.FindingsFile}). LEADING_WILDCARD_LIKE findings of one plan node (one per column
 * of an {@code a LIKE x OR b LIKE x}) become one finding with all the columns, since one candidate
 * needs all of them. Every finding keeps its {@link FindingKind}; the advisor's rules act on three
 * kinds (see {@link FindingRules}) and pass over the others.
 *
 * <pre>{@code
 * List<PlanFinding> input = ExplainFindings.of(capture.findings());
 * }</pre>
 */
public final class ExplainFindings {
  private ExplainFindings() {}

  /** The advisor's findings for {@code findings}, in their order, LIKE findings grouped by node. */
  public static List<PlanFinding> of(List<Finding> findings) {
    Map<String, PlanFinding> out = new LinkedHashMap<>();
    int i = 0;
    for (Finding f : findings) {
      PlanFinding p = of(f);
      if (p.kind() == FindingKind.LEADING_WILDCARD_LIKE) {
        String node = String.join("|", f.routeId(), "" + f.statementIndex(), f.drillDown());
        out.merge(node + "|" + f.nodePath() + "|" + f.relation(), p, ExplainFindings::mergeLike);
      } else {
        out.put("#" + i++, p);
      }
    }
    return new ArrayList<>(out.values());
  }

  /** The advisor's finding for one explain finding. */
  static PlanFinding of(Finding f) {
    return new PlanFinding(
        f.kind(),
        f.schema(),
        f.table(),
        f.roles(),
        f.routeId(),
        f.statementIndex(),
        f.nodePath(),
        f.drillDown(),
        f.numbersAsDoubles());
  }

  private static PlanFinding mergeLike(PlanFinding a, PlanFinding b) {
    return new PlanFinding(
        a.kind(),
        a.schema(),
        a.table(),
        a.roles().plus(b.roles()),
        a.route(),
        a.statement(),
        a.node(),
        a.trigger(),
        a.numbers());
  }
}
