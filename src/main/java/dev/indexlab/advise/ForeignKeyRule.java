package dev.indexlab.advise;

import dev.indexlab.check.CandidateKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rule UNINDEXED_FOREIGN_KEY, from the catalog alone: a foreign key whose referencing columns are
 * not the leading columns (in any order) of some valid, non-partial index. PostgreSQL indexes the
 * referenced side (it must be unique) but never the referencing side, so every delete of a parent
 * row, and every update of its key, looks up the referencing rows with whatever the child table
 * offers: without such an index, a scan of the whole child table per parent row. With ON DELETE
 * CASCADE / SET NULL the trigger then also writes those rows; joins on the key pay the same scan.
 *
 * <p>Proposals come ranked: ON DELETE CASCADE first, then ON DELETE SET NULL / SET DEFAULT, then
 * keys whose only writing action is ON UPDATE, then plain checks; within each, by the child table's
 * row estimate, largest first.
 */
final class ForeignKeyRule {
  private ForeignKeyRule() {}

  static List<Proposal> propose(Catalog catalog, List<AdviceNote> notes) {
    List<Proposal> proposals = new ArrayList<>();
    for (ForeignKey fk : ranked(catalog)) {
      Optional<CatalogTable> table = catalog.table(fk.schema(), fk.table());
      if (table.isEmpty()) {
        continue;
      }
      Optional<CatalogIndex> serving =
          IndexCoverage.findLeading(catalog.indexesOf(table.get()), fk.columns());
      if (serving.isEmpty() && table.get().partitioned() && servedOnEveryPartition(catalog, fk)) {
        notes.add(
            new AdviceNote(
                Rule.UNINDEXED_FOREIGN_KEY,
                fk.name(),
                "served on each of the "
                    + catalog.leavesOf(table.get()).size()
                    + " partitions of "
                    + fk.table()
                    + " by an index of the partition's own (none on "
                    + fk.table()
                    + " itself: a partition added later gets none)"));
        continue;
      }
      if (serving.isPresent()) {
        notes.add(
            new AdviceNote(
                Rule.UNINDEXED_FOREIGN_KEY,
                fk.name(),
                "served by index " + serving.get().name() + ": " + serving.get().definition()));
        continue;
      }
      List<IndexKey> keys = fk.columns().stream().map(IndexKey::asc).toList();
      Proposal.Part part = new Proposal.Part(table.get(), "btree", keys);
      proposals.add(
          Proposal.create(CandidateKind.CREATE_INDEX, List.of(part), reason(catalog, fk)));
    }
    return proposals;
  }

  /** True when every leaf partition of the key's partitioned table has an index serving it. */
  private static boolean servedOnEveryPartition(Catalog catalog, ForeignKey fk) {
    CatalogTable parent = catalog.table(fk.schema(), fk.table()).orElseThrow();
    List<CatalogTable> leaves = catalog.leavesOf(parent);
    return !leaves.isEmpty()
        && leaves.stream()
            .allMatch(
                p -> IndexCoverage.findLeading(catalog.indexesOf(p), fk.columns()).isPresent());
  }

  private static List<ForeignKey> ranked(Catalog catalog) {
    Comparator<ForeignKey> order =
        Comparator.comparing(ForeignKeyRule::actionRank)
            .thenComparing(fk -> -rows(catalog, fk.schema(), fk.table()))
            .thenComparing(ForeignKey::tableKey)
            .thenComparing(ForeignKey::name);
    return catalog.foreignKeys().stream().sorted(order).toList();
  }

  /**
   * Cascading deletes first, then SET NULL / SET DEFAULT, then update-only actions, then checks.
   */
  static int actionRank(ForeignKey fk) {
    if (fk.onDelete() == ForeignKey.Action.CASCADE) {
      return 0;
    }
    if (fk.onDelete().writes()) {
      return 1;
    }
    return fk.onUpdate().writes() ? 2 : 3;
  }

  private static long rows(Catalog catalog, String schema, String table) {
    return catalog.table(schema, table).map(CatalogTable::rowEstimate).orElse(0L);
  }

  private static Reason reason(Catalog catalog, ForeignKey fk) {
    CatalogTable child = catalog.table(fk.schema(), fk.table()).orElseThrow();
    long parentRows = rows(catalog, fk.refSchema(), fk.refTable());
    int partitions = child.partitioned() ? catalog.leavesOf(child).size() : 0;
    Map<String, Double> numbers = new LinkedHashMap<>();
    numbers.put("referencingRows", (double) child.rowEstimate());
    numbers.put("referencingBytes", (double) child.totalBytes());
    numbers.put("referencedRows", (double) parentRows);
    String comment = comment(fk, child);
    if (partitions > 0) {
      numbers.put("partitions", (double) partitions);
      comment +=
          " "
              + fk.table()
              + " is partitioned: the index on it is built on each of its "
              + partitions
              + " partitions.";
    }
    return new Reason(Rule.UNINDEXED_FOREIGN_KEY, fk.name(), null, null, null, numbers, comment);
  }

  static String comment(ForeignKey fk, CatalogTable child) {
    String cols = "(" + String.join(", ", fk.columns()) + ")";
    String scan =
        "without an index leading with "
            + cols
            + " each one scans all ~"
            + String.format(Locale.ROOT, "%,d", child.rowEstimate())
            + " rows of "
            + fk.table();
    StringBuilder b = new StringBuilder("Foreign key ").append(fk.describe()).append(": ");
    if (fk.onDelete().writes()) {
      b.append("every delete of ")
          .append(article(fk.refTable()))
          .append(' ')
          .append(fk.refTable())
          .append(" row ")
          .append(fk.onDelete() == ForeignKey.Action.CASCADE ? "deletes" : "updates")
          .append(" the ")
          .append(fk.table())
          .append(" rows that reference it (ON DELETE ")
          .append(fk.onDelete().sql())
          .append(") through a trigger; ");
    } else {
      b.append("every delete of ")
          .append(article(fk.refTable()))
          .append(' ')
          .append(fk.refTable())
          .append(" row checks ")
          .append(fk.table())
          .append(" for rows that still reference it; ");
    }
    b.append(scan).append('.');
    if (fk.onUpdate().writes()) {
      b.append(" Updating a referenced key does the same (ON UPDATE ")
          .append(fk.onUpdate().sql())
          .append(").");
    }
    b.append(" Joins on ").append(cols).append(" need the index too.");
    return b.toString();
  }

  /**
   * "an" before a name that sounds like it starts with a vowel ({@code an employees row}), "a"
   * otherwise ({@code a users row}: a "u" before one consonant and a vowel reads "you"); by
   * spelling, which reads right for table names far more often than not.
   */
  static String article(String word) {
    String w = word.toLowerCase(java.util.Locale.ROOT);
    if (w.isEmpty()) {
      return "a";
    }
    char first = w.charAt(0);
    if (first == 'u') {
      boolean you = w.length() > 2 && !vowel(w.charAt(1)) && vowel(w.charAt(2));
      return you ? "a" : "an";
    }
    return vowel(first) ? "an" : "a";
  }

  private static boolean vowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }
}
