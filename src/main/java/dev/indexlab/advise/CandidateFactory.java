package dev.indexlab.advise;

import dev.indexlab.check.CandidateKind;
import dev.indexlab.db.Identifiers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns merged proposals into named candidates with their SQL. Index names avoid the catalog's
 * existing index names and each other; identifiers are written as {@code quote_ident} would (from
 * the catalog), so {@code "OrderLine"."customerId"} is quoted and {@code song_history.user_id} is
 * not.
 */
final class CandidateFactory {
  private final Catalog catalog;
  private final Set<String> indexNames = new HashSet<>();
  private final Set<String> candidateNames = new HashSet<>();

  CandidateFactory(Catalog catalog) {
    this.catalog = catalog;
  }

  Candidate build(Proposal p) {
    if (p.kind() == CandidateKind.DROP_INDEX) {
      return drop(p);
    }
    List<IndexSpec> specs = new ArrayList<>();
    List<String> statements = new ArrayList<>();
    if (p.kind() == CandidateKind.EXTENSION_INDEX) {
      statements.add("CREATE EXTENSION IF NOT EXISTS " + FindingRules.TRIGRAM_EXTENSION);
    }
    for (Proposal.Part part : p.parts()) {
      CatalogTable t = part.table();
      boolean trigram = part.keys().stream().anyMatch(k -> "gin_trgm_ops".equals(k.opclass()));
      String base =
          CandidateNames.slug(
              t.name()
                  + "_"
                  + part.keys().stream().map(IndexKey::column).collect(Collectors.joining("_")));
      String suffix = trigram ? "_trgm_idx" : "_idx";
      String indexName =
          CandidateNames.unique(
              CandidateNames.fit(base, suffix),
              n -> indexNames.contains(n) || catalog.hasIndexNamed(t.schema(), n));
      indexNames.add(indexName);
      specs.add(new IndexSpec(t.schema(), t.name(), indexName, part.method(), part.keys()));
      statements.add(createIndex(indexName, t, part));
    }
    String prefix = p.kind() == CandidateKind.EXTENSION_INDEX ? "trgm_" : "idx_";
    Proposal.Part first = p.parts().get(0);
    StringBuilder base = new StringBuilder(first.table().name());
    for (Proposal.Part part : p.parts()) {
      part.keys().forEach(k -> base.append('_').append(k.column()));
    }
    String name = candidateName(prefix + CandidateNames.slug(base.toString()));
    String description =
        (p.kind() == CandidateKind.EXTENSION_INDEX ? "pg_trgm GIN index on " : "Index on ")
            + specs.stream().map(IndexSpec::describe).collect(Collectors.joining(" and "))
            + partitioning(first.table());
    return new Candidate(name, p.kind(), specs, statements, p.reasons(), description, List.of());
  }

  private Candidate drop(Proposal p) {
    CatalogIndex index = p.dropTarget();
    List<IndexKey> keys =
        index.keyColumns().stream()
            .map(
                c ->
                    new IndexKey(
                        c.name(), c.descending(), c.opclass().isEmpty() ? null : c.opclass()))
            .toList();
    IndexSpec spec =
        new IndexSpec(index.schema(), index.table(), index.name(), index.method(), keys);
    String name = candidateName("drop_" + CandidateNames.slug(index.name()));
    return new Candidate(
        name,
        CandidateKind.DROP_INDEX,
        List.of(spec),
        List.of("DROP INDEX " + index.qualifiedName()),
        p.reasons(),
        "Drop index "
            + index.name()
            + " on "
            + index.table()
            + catalog.table(index.schema(), index.table()).map(this::partitioning).orElse(""),
        List.of());
  }

  /**
   * {@code " (partitioned: one index on each of its 6 partitions)"} for a partitioned table, {@code
   * " (a partition of payment)"} for a partition, nothing for any other table.
   */
  private String partitioning(CatalogTable t) {
    if (t.partitioned()) {
      return " (partitioned: one index on each of its "
          + catalog.leavesOf(t).size()
          + " partitions)";
    }
    if (t.isPartition()) {
      return " (a partition of " + catalog.partitionRoot(t).name() + ")";
    }
    return "";
  }

  private String candidateName(String wanted) {
    String name = CandidateNames.unique(CandidateNames.fit(wanted, ""), candidateNames::contains);
    candidateNames.add(name);
    return name;
  }

  /** {@code CREATE INDEX name ON schema.table [USING method] (cols)}, without a semicolon. */
  static String createIndex(String indexName, CatalogTable t, Proposal.Part part) {
    StringBuilder b = new StringBuilder("CREATE INDEX ");
    b.append(indexName).append(" ON ").append(t.qualifiedName());
    if (!part.method().equals("btree")) {
      b.append(" USING ").append(part.method());
    }
    b.append(" (");
    for (int i = 0; i < part.keys().size(); i++) {
      IndexKey k = part.keys().get(i);
      if (i > 0) {
        b.append(", ");
      }
      b.append(t.quoted(k.column()).orElse(Identifiers.quote(k.column())));
      if (k.opclass() != null && !k.opclass().isEmpty()) {
        b.append(' ').append(k.opclass());
      }
      if (k.descending()) {
        b.append(" DESC");
      }
    }
    return b.append(')').toString();
  }
}
