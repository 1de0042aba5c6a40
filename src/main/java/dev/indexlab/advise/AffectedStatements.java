package dev.indexlab.advise;

import dev.indexlab.workload.SqlScanner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Picks the statements a candidate can change: the sampled route statements that name one of its
 * tables (at most {@code perStatement} parameter sets each), and, for each foreign key its new
 * index serves, the statement that key's trigger runs (see {@link CascadeStatements}). A table is
 * matched by name in the statement text (comments stripped; a lower-case name as a word in any
 * case, any other name in double quotes), which may take in a statement that merely mentions the
 * name: one more EXPLAIN, no harm.
 */
final class AffectedStatements {
  private final Catalog catalog;
  private final WorkloadSample sample;
  private final int perStatement;
  private final Optional<Set<String>> deletedFrom;

  /** Every foreign key's trigger statement counts (nothing is known of the workload's deletes). */
  public AffectedStatements(Catalog catalog, WorkloadSample sample, int perStatement) {
    this(catalog, sample, perStatement, Optional.empty());
  }

  /**
   * With {@code deletedFrom}, the {@code schema.table} names the workload's routes delete rows from
   * (cascades included): a foreign key's trigger statement counts only when its referenced table is
   * one of them. An index for a cascade no route ever fires changes no measured time.
   */
  public AffectedStatements(
      Catalog catalog, WorkloadSample sample, int perStatement, Optional<Set<String>> deletedFrom) {
    this.catalog = catalog;
    this.sample = sample;
    this.perStatement = Math.max(1, perStatement);
    this.deletedFrom = deletedFrom.map(Set::copyOf);
  }

  /** The statements to explain for {@code candidate}; {@code c} reads sample keys for triggers. */
  public List<WhatIfStatement> forCandidate(Connection c, Candidate candidate) throws SQLException {
    List<WhatIfStatement> out = new ArrayList<>();
    Set<String> tables = new LinkedHashSet<>();
    for (IndexSpec spec : candidate.indexes()) {
      tables.add(spec.tableKey());
      Set<String> family = family(spec.tableKey());
      tables.addAll(family);
      for (ForeignKey fk : catalog.foreignKeys()) {
        boolean fires = deletedFrom.map(d -> d.contains(fk.refTableKey())).orElse(true);
        boolean onTable = fk.tableKey().equals(spec.tableKey()) || onRootOf(fk, spec.tableKey());
        if (onTable && leadsWith(spec, fk.columns()) && fires) {
          CascadeStatements.derive(c, catalog, fk).ifPresent(out::add);
        }
      }
    }
    List<Pattern> patterns = new ArrayList<>();
    for (String key : tables) {
      catalog.tables().stream()
          .filter(t -> t.key().equals(key))
          .findFirst()
          .ifPresent(t -> patterns.add(mention(t.name())));
    }
    Map<String, Integer> taken = new HashMap<>();
    for (WhatIfStatement s : sample.statements()) {
      String text = SqlScanner.stripComments(s.sql());
      if (patterns.stream().noneMatch(p -> p.matcher(text).find())) {
        continue;
      }
      String key = s.route() + "#" + s.statement();
      int n = taken.merge(key, 1, Integer::sum);
      if (n <= perStatement) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * The partitioned tables {@code tableKey} belongs to, and all their partitions: a statement on
   * the parent reads the partitions, and one on a partition is planned with the partition's
   * indexes, which an index on the parent builds. Empty for a table outside any partition tree.
   */
  private Set<String> family(String tableKey) {
    Set<String> out = new LinkedHashSet<>();
    Optional<CatalogTable> t =
        catalog.tables().stream().filter(x -> x.key().equals(tableKey)).findFirst();
    if (t.isEmpty() || (!t.get().partitioned() && !t.get().isPartition())) {
      return out;
    }
    CatalogTable root = catalog.partitionRoot(t.get());
    collect(root, out);
    return out;
  }

  private void collect(CatalogTable t, Set<String> out) {
    out.add(t.key());
    for (CatalogTable p : catalog.partitionsOf(t)) {
      collect(p, out);
    }
  }

  /** True when the foreign key is declared on the partitioned root of {@code tableKey}. */
  private boolean onRootOf(ForeignKey fk, String tableKey) {
    return catalog.tables().stream()
        .filter(x -> x.key().equals(tableKey) && x.isPartition())
        .anyMatch(x -> catalog.partitionRoot(x).key().equals(fk.tableKey()));
  }

  /** True when the spec's first k keys are exactly the k columns, in any order. */
  static boolean leadsWith(IndexSpec spec, List<String> columns) {
    if (spec.keys().size() < columns.size() || !"btree".equals(spec.method())) {
      return false;
    }
    Set<String> leading = new LinkedHashSet<>();
    for (int i = 0; i < columns.size(); i++) {
      leading.add(spec.keys().get(i).column());
    }
    return leading.equals(Set.copyOf(columns));
  }

  /** A pattern that finds the table's name in SQL text. */
  static Pattern mention(String table) {
    if (table.matches("[a-z_][a-z0-9_$]*")) {
      return Pattern.compile(
          "(?<![\\w$])" + Pattern.quote(table) + "(?![\\w$])", Pattern.CASE_INSENSITIVE);
    }
    return Pattern.compile(Pattern.quote('"' + table.replace("\"", "\"\"") + '"'));
  }
}
