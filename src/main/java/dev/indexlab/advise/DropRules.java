package dev.indexlab.advise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The drop rules. REDUNDANT_INDEX: an index whose key columns (names or expressions, directions and
 * operator classes) are a leading prefix of another valid index on the same table, with the same
 * method and the same predicate; only btree has prefix semantics, so for other methods only exact
 * duplicates count. UNUSED_INDEX: an index the measured workload never scanned. Neither rule ever
 * proposes dropping an index that backs a constraint or enforces uniqueness (it says which
 * constraint instead), and an unused index that is the only one serving a foreign key is kept too.
 */
final class DropRules {
  private DropRules() {}

  static List<Proposal> redundant(Catalog catalog, List<AdviceNote> notes) {
    List<Proposal> proposals = new ArrayList<>();
    for (CatalogTable table : catalog.tables()) {
      List<CatalogIndex> indexes = catalog.indexesOf(table);
      for (CatalogIndex a : indexes) {
        if (a.attachedToParent()) {
          // part of the parent's index: judged, and dropped, on the partitioned table
          continue;
        }
        Optional<CatalogIndex> wider =
            indexes.stream().filter(b -> b != a && coveredBy(a, b)).findFirst();
        if (wider.isEmpty()) {
          continue;
        }
        CatalogIndex b = wider.get();
        if (a.enforcesConstraint()) {
          notes.add(
              new AdviceNote(Rule.REDUNDANT_INDEX, a.name(), kept(a, "a prefix of " + b.name())));
          continue;
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("sizeBytes", (double) a.sizeBytes());
        numbers.put("idxScan", (double) a.idxScan());
        numbers.put("coveringIndexBytes", (double) b.sizeBytes());
        String comment =
            a.name()
                + " "
                + keys(a)
                + " is a leading prefix of "
                + b.name()
                + " "
                + keys(b)
                + " (same method and predicate): "
                + b.name()
                + " serves every lookup "
                + a.name()
                + " serves; dropping it saves its size and its upkeep on every write."
                + partitionNote(a, b);
        proposals.add(
            Proposal.drop(
                a, new Reason(Rule.REDUNDANT_INDEX, a.name(), null, null, null, numbers, comment)));
      }
    }
    return proposals;
  }

  static List<Proposal> unused(Catalog catalog, IndexUsage usage, List<AdviceNote> notes) {
    List<Proposal> proposals = new ArrayList<>();
    for (CatalogIndex i : catalog.indexes()) {
      if (i.attachedToParent() || scans(catalog, usage, i) != 0 || !i.valid()) {
        continue;
      }
      if (i.enforcesConstraint()) {
        if (!i.primary()) {
          notes.add(new AdviceNote(Rule.UNUSED_INDEX, i.name(), kept(i, "never scanned")));
        }
        continue;
      }
      Optional<ForeignKey> onlyServed = onlyIndexFor(catalog, i);
      if (onlyServed.isPresent()) {
        notes.add(
            new AdviceNote(
                Rule.UNUSED_INDEX,
                i.name(),
                "never scanned by the workload, but it is the only index serving foreign key "
                    + onlyServed.get().name()
                    + " (deletes of the referenced rows need it); kept"));
        continue;
      }
      Map<String, Double> numbers = new LinkedHashMap<>();
      numbers.put("idxScan", 0.0);
      numbers.put("sizeBytes", (double) i.sizeBytes());
      String comment =
          i.name()
              + " "
              + keys(i)
              + " was not scanned once"
              + (i.partitioned()
                  ? " on any of the " + i.leafPartitions() + " partitions it spans"
                  : "")
              + " over "
              + usage.measuredOver()
              + "; it costs its size and upkeep on every write to "
              + i.table()
              + ".";
      proposals.add(
          Proposal.drop(
              i, new Reason(Rule.UNUSED_INDEX, i.name(), null, null, null, numbers, comment)));
    }
    return proposals;
  }

  /**
   * The scans of an index over the workload; for an index on a partitioned table (which has no
   * statistics of its own) the sum over the indexes attached to it, one per partition.
   */
  static long scans(Catalog catalog, IndexUsage usage, CatalogIndex index) {
    if (!index.partitioned()) {
      return usage.scans(index);
    }
    long sum = 0;
    for (CatalogIndex child : catalog.attachedTo(index)) {
      sum += scans(catalog, usage, child);
    }
    return sum;
  }

  /** For a partition's own index found redundant: which index of the parent's covers it. */
  private static String partitionNote(CatalogIndex a, CatalogIndex b) {
    if (!b.attachedToParent()) {
      return "";
    }
    return " "
        + b.name()
        + " is this partition's part of "
        + b.parentIndex()
        + " on the partitioned parent; "
        + a.name()
        + " is the partition's own.";
  }

  /** True when {@code a} is redundant given {@code b} (for exact twins, only one of the pair). */
  static boolean coveredBy(CatalogIndex a, CatalogIndex b) {
    if (!a.valid()
        || !b.valid()
        || !a.method().equals(b.method())
        || !Objects.equals(a.predicate(), b.predicate())
        || a.hasIncludedColumns()) {
      return false;
    }
    List<IndexColumn> ka = a.keyColumns();
    List<IndexColumn> kb = b.keyColumns();
    boolean sameLength = ka.size() == kb.size();
    if (ka.size() > kb.size() || (!a.method().equals("btree") && !sameLength)) {
      return false;
    }
    for (int i = 0; i < ka.size(); i++) {
      IndexColumn x = ka.get(i);
      IndexColumn y = kb.get(i);
      if (!x.name().equals(y.name())
          || x.expression() != y.expression()
          || x.descending() != y.descending()
          || !x.opclass().equals(y.opclass())) {
        return false;
      }
    }
    if (sameLength && !b.hasIncludedColumns()) {
      // twins: drop the one that enforces nothing, then a partition's own index rather than its
      // part of the parent's index (which cannot be dropped alone), then the less scanned, then
      // the later name
      if (a.enforcesConstraint() != b.enforcesConstraint()) {
        return !a.enforcesConstraint();
      }
      if (a.attachedToParent() != b.attachedToParent()) {
        return !a.attachedToParent();
      }
      if (a.idxScan() != b.idxScan()) {
        return a.idxScan() < b.idxScan();
      }
      return a.name().compareTo(b.name()) > 0;
    }
    return true;
  }

  private static Optional<ForeignKey> onlyIndexFor(Catalog catalog, CatalogIndex index) {
    for (ForeignKey fk : catalog.foreignKeys()) {
      if (!fk.tableKey().equals(index.tableKey())
          || !IndexCoverage.leadsWith(index, fk.columns())) {
        continue;
      }
      long serving =
          catalog.indexes().stream()
              .filter(i -> i.tableKey().equals(fk.tableKey()))
              .filter(i -> IndexCoverage.leadsWith(i, fk.columns()))
              .count();
      if (serving == 1) {
        return Optional.of(fk);
      }
    }
    return Optional.empty();
  }

  private static String kept(CatalogIndex i, String what) {
    return i.constraint()
        .map(
            c ->
                what
                    + ", but it backs constraint "
                    + c
                    + (i.primary() ? " (primary key)" : "")
                    + "; never dropped (drop the constraint instead if it is not needed)")
        .orElse(what + ", but it is a unique index and enforces uniqueness; never dropped");
  }

  private static String keys(CatalogIndex i) {
    List<String> cols = new ArrayList<>();
    for (IndexColumn c : i.keyColumns()) {
      cols.add(c.name() + (c.descending() ? " DESC" : ""));
    }
    return "(" + String.join(", ", cols) + ")";
  }
}
