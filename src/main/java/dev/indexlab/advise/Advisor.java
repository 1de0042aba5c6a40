package dev.indexlab.advise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs every rule over a catalog (and, when given, plan findings and measured index usage) and
 * returns named candidates. Proposals for the same change from several rules become one candidate
 * with all the reasons; changes an existing index already makes are not proposed, and a b-tree
 * index another proposal leads with is folded into that one ({@link PrefixFolding}).
 *
 * <pre>{@code
 * Advice advice =
 *     Advisor.advise(CatalogReader.read(c), findings, Optional.of(usage), PartitionReads.none());
 * advice.candidates().forEach(cand -> System.out.println(cand.name()));
 * }</pre>
 *
 * <p>Order: foreign keys (writing actions first, larger child tables first), then plan findings in
 * the order given, then drops.
 */
public final class Advisor {
  private Advisor() {}

  /**
   * Advises from the catalog, plan findings, and (when present) the index usage of a measured
   * workload; without usage, no UNUSED_INDEX proposal is made (every index of a fresh database
   * would look unused). {@code reads} is what the workload's statements read of partitioned tables:
   * a finding on a partition becomes one index on the partitioned parent unless its statement reads
   * that partition alone ({@link PartitionScope}).
   */
  public static Advice advise(
      Catalog catalog,
      List<PlanFinding> findings,
      Optional<IndexUsage> usage,
      PartitionReads reads) {
    List<AdviceNote> notes = new ArrayList<>();
    inheritance(catalog, notes);
    List<Proposal> proposals = new ArrayList<>(ForeignKeyRule.propose(catalog, notes));
    proposals.addAll(FindingRules.propose(catalog, findings, reads, notes));
    proposals.addAll(DropRules.redundant(catalog, notes));
    usage.ifPresent(u -> proposals.addAll(DropRules.unused(catalog, u, notes)));
    Map<String, Proposal> merged = new LinkedHashMap<>();
    for (Proposal p : proposals) {
      merged.merge(p.identity(), p, Proposal::merge);
    }
    CandidateFactory factory = new CandidateFactory(catalog);
    List<Candidate> candidates = new ArrayList<>();
    for (Proposal p : PrefixFolding.fold(List.copyOf(merged.values()), notes)) {
      candidates.add(factory.build(p));
    }
    return new Advice(candidates, notes);
  }

  /**
   * Notes each table that inherits in the pre-10 style: its indexes, foreign keys and findings are
   * its own (an index on the parent is not built on it, and a statement on the parent reads it
   * too), so the advisor treats it as a table of its own and says so.
   */
  private static void inheritance(Catalog catalog, List<AdviceNote> notes) {
    for (CatalogTable t : catalog.tables()) {
      if (t.inheritsFrom() != null) {
        notes.add(
            new AdviceNote(
                Rule.TABLE_INHERITANCE,
                t.key(),
                "inherits from "
                    + t.inheritsFrom()
                    + " (table inheritance, not partitioning): a statement on "
                    + t.inheritsFrom()
                    + " also reads "
                    + t.name()
                    + ", but an index on one is not built on the other; each is advised as a"
                    + " table of its own"));
      }
    }
  }
}
