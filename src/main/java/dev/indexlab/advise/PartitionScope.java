package dev.indexlab.advise;

import dev.indexlab.results.FindingKind;
import java.util.List;

/**
 * Where an index for a finding seen on a partition belongs. PostgreSQL builds an index created on a
 * partitioned table on every partition (and on every partition added later), so one index on the
 * parent serves a statement on the parent whichever partitions it reads; a finding seen in the plan
 * of a partition's scan (a Seq Scan on {@code payment_p2022_07} under an Append) is a finding on
 * the parent's statement. Only a statement that reads that one partition alone (it names the
 * partition, or the planner pruned the parent to it: {@link PartitionReads}) is served by an index
 * on the partition alone. A finding in a foreign key's drill-down is lifted too: the referential
 * check of a key declared on the parent reads every partition.
 */
final class PartitionScope {
  private PartitionScope() {}

  /** The table to index for a finding seen on {@code partition}. */
  static CatalogTable target(
      Catalog catalog,
      CatalogTable partition,
      PlanFinding f,
      PartitionReads reads,
      List<AdviceNote> notes) {
    CatalogTable root = catalog.partitionRoot(partition);
    if (root == partition) {
      return partition;
    }
    boolean alone =
        f.trigger() == null && reads.readsAlone(catalog, root, partition, f.route(), f.statement());
    Rule rule = rule(f.kind());
    if (alone) {
      notes.add(
          new AdviceNote(
              rule,
              partition.key(),
              "seen on partition "
                  + partition.name()
                  + " of "
                  + root.name()
                  + " ("
                  + f.where()
                  + "), which that statement reads alone: an index on the partition"));
      return partition;
    }
    notes.add(
        new AdviceNote(
            rule,
            partition.key(),
            "seen on partition "
                + partition.name()
                + " ("
                + f.where()
                + "), read through its partitioned parent "
                + root.name()
                + ": one index on "
                + root.name()
                + ", built on each of its "
                + catalog.leavesOf(root).size()
                + " partitions"));
    return root;
  }

  /** The finding as seen on {@code target}. */
  static PlanFinding onTable(PlanFinding f, CatalogTable target) {
    return new PlanFinding(
        f.kind(),
        target.schema(),
        target.name(),
        f.roles(),
        f.route(),
        f.statement(),
        f.node(),
        f.trigger(),
        f.numbers());
  }

  private static Rule rule(FindingKind kind) {
    return switch (kind) {
      case FILTER_ORDER_LIMIT -> Rule.FILTER_ORDER_LIMIT;
      case LEADING_WILDCARD_LIKE -> Rule.LEADING_WILDCARD_LIKE;
      default -> Rule.SEQ_SCAN_FILTER;
    };
  }
}
