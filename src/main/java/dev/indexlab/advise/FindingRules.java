package dev.indexlab.advise;

import dev.indexlab.check.CandidateKind;
import dev.indexlab.results.ColumnRoles;
import dev.indexlab.results.FindingKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules that read plan findings: SEQ_SCAN_FILTER (an index on the equality columns, then the
 * range columns), FILTER_ORDER_LIMIT (the equality columns, then the sort keys in the sort's
 * direction, so the index returns rows already in order and the LIMIT stops early, then any other
 * range column), both in the key order of {@link ColumnRoles#indexOrder}, and LEADING_WILDCARD_LIKE
 * (pg_trgm GIN indexes, one per matched column, in one candidate: an {@code a LIKE x OR b LIKE x}
 * needs both to turn into a BitmapOr). A finding on a table or column the catalog does not have, or
 * one that an existing index already serves, becomes a note.
 */
final class FindingRules {
  static final String TRIGRAM_EXTENSION = "pg_trgm";

  private FindingRules() {}

  /**
   * The proposals for {@code findings}; a finding on a partition is lifted to its partitioned
   * parent ({@link PartitionScope}) unless {@code reads} shows that its statement reads that
   * partition alone.
   */
  static List<Proposal> propose(
      Catalog catalog, List<PlanFinding> findings, PartitionReads reads, List<AdviceNote> notes) {
    List<Proposal> proposals = new ArrayList<>();
    for (PlanFinding raw : findings) {
      Optional<CatalogTable> table = catalog.resolve(raw.schema(), raw.table());
      PlanFinding f = raw;
      CatalogTable scanned = table.orElse(null);
      if (ruleOf(raw.kind()) != null && table.isPresent() && table.get().isPartition()) {
        CatalogTable target = PartitionScope.target(catalog, table.get(), raw, reads, notes);
        f = PartitionScope.onTable(raw, target);
        table = Optional.of(target);
      }
      Rule rule = ruleOf(f.kind());
      if (rule == null) {
        continue;
      }
      if (table.isEmpty()) {
        notes.add(
            new AdviceNote(rule, name(f), "no such table in the catalog (" + f.where() + ")"));
        continue;
      }
      Optional<Proposal> p =
          switch (f.kind()) {
            case SEQ_SCAN_REMOVES_MOST_ROWS -> seqScan(catalog, table.get(), scanned, f, notes);
            case FILTER_ORDER_LIMIT -> orderLimit(catalog, table.get(), scanned, f, notes);
            case LEADING_WILDCARD_LIKE -> trigram(catalog, table.get(), scanned, f, notes);
            default -> Optional.empty();
          };
      p.ifPresent(proposals::add);
    }
    return proposals;
  }

  private static Rule ruleOf(FindingKind kind) {
    return switch (kind) {
      case SEQ_SCAN_REMOVES_MOST_ROWS -> Rule.SEQ_SCAN_FILTER;
      case FILTER_ORDER_LIMIT -> Rule.FILTER_ORDER_LIMIT;
      case LEADING_WILDCARD_LIKE -> Rule.LEADING_WILDCARD_LIKE;
      default -> null;
    };
  }

  private static Optional<Proposal> seqScan(
      Catalog catalog,
      CatalogTable table,
      CatalogTable scanned,
      PlanFinding f,
      List<AdviceNote> notes) {
    List<String> eq = known(table, f.equalityColumns(), Rule.SEQ_SCAN_FILTER, f, notes);
    List<String> range = known(table, f.rangeColumns(), Rule.SEQ_SCAN_FILTER, f, notes);
    range.removeAll(eq);
    if (eq.isEmpty() && range.isEmpty()) {
      notes.add(new AdviceNote(Rule.SEQ_SCAN_FILTER, name(f), "no indexable filter column"));
      return Optional.empty();
    }
    List<IndexKey> keys = keys(new ColumnRoles(eq, range, List.of(), List.of()));
    List<IndexKey> then = keys.subList(eq.size(), keys.size());
    Optional<CatalogIndex> serving = served(catalog, table, scanned, eq, then);
    if (serving.isPresent()) {
      notes.add(servedNote(Rule.SEQ_SCAN_FILTER, f, serving.get()));
      return Optional.empty();
    }
    String comment =
        "Seq Scan on "
            + seen(table, scanned)
            + " in "
            + f.where()
            + " filters on "
            + filterText(eq, range)
            + removed(f.numbers())
            + "; an index on ("
            + keys.stream().map(IndexKey::describe).collect(Collectors.joining(", "))
            + ") reads only the matching rows.";
    return Optional.of(
        create(CandidateKind.CREATE_INDEX, table, "btree", keys, reason(f, comment)));
  }

  private static Optional<Proposal> orderLimit(
      Catalog catalog,
      CatalogTable table,
      CatalogTable scanned,
      PlanFinding f,
      List<AdviceNote> notes) {
    List<String> eq = known(table, f.equalityColumns(), Rule.FILTER_ORDER_LIMIT, f, notes);
    List<String> range = known(table, f.rangeColumns(), Rule.FILTER_ORDER_LIMIT, f, notes);
    range.removeAll(eq);
    List<IndexKey> sort = new ArrayList<>();
    for (IndexKey k : f.sortKeys()) {
      if (!table.hasColumn(k.column())) {
        notes.add(
            new AdviceNote(
                Rule.FILTER_ORDER_LIMIT,
                name(f),
                "sort key " + k.column() + " is not a column of " + table.name() + "; skipped"));
        return Optional.empty();
      }
      if (!eq.contains(k.column())) {
        sort.add(k);
      }
    }
    if (sort.isEmpty()) {
      notes.add(new AdviceNote(Rule.FILTER_ORDER_LIMIT, name(f), "no sort key to index"));
      return Optional.empty();
    }
    // an index that has the equality columns and then the sort keys returns the rows in order,
    // whatever follows them: such an index serves the finding
    Optional<CatalogIndex> serving = served(catalog, table, scanned, eq, sort);
    if (serving.isPresent()) {
      notes.add(servedNote(Rule.FILTER_ORDER_LIMIT, f, serving.get()));
      return Optional.empty();
    }
    List<ColumnRoles.SortKey> sortKeys =
        sort.stream().map(k -> new ColumnRoles.SortKey(k.column(), k.descending())).toList();
    List<IndexKey> keys = keys(new ColumnRoles(eq, range, sortKeys, List.of()));
    String comment =
        "In "
            + f.where()
            + ", rows of "
            + seen(table, scanned)
            + (eq.isEmpty() && range.isEmpty() ? "" : " filtered on " + filterText(eq, range))
            + " are sorted by "
            + sort.stream().map(IndexKey::describe).collect(Collectors.joining(", "))
            + " under a LIMIT"
            + removed(f.numbers())
            + "; an index on ("
            + keys.stream().map(IndexKey::describe).collect(Collectors.joining(", "))
            + ") returns them in order and stops at the limit.";
    return Optional.of(
        create(CandidateKind.CREATE_INDEX, table, "btree", keys, reason(f, comment)));
  }

  /**
   * A b-tree index's keys for these roles, in the one key order ({@link ColumnRoles#indexOrder}).
   */
  private static List<IndexKey> keys(ColumnRoles roles) {
    return roles.indexOrder().stream()
        .map(k -> new IndexKey(k.column(), k.descending(), null))
        .toList();
  }

  private static Optional<Proposal> trigram(
      Catalog catalog,
      CatalogTable table,
      CatalogTable scanned,
      PlanFinding f,
      List<AdviceNote> notes) {
    if (!catalog.extensionAvailable(TRIGRAM_EXTENSION)) {
      notes.add(
          new AdviceNote(
              Rule.LEADING_WILDCARD_LIKE,
              name(f),
              "the server does not offer the pg_trgm extension (pg_available_extensions)"));
      return Optional.empty();
    }
    List<String> columns = known(table, f.likeColumns(), Rule.LEADING_WILDCARD_LIKE, f, notes);
    List<Proposal.Part> parts = new ArrayList<>();
    for (String column : columns) {
      Optional<CatalogIndex> serving =
          indexesOf(catalog, table, scanned).stream()
              .filter(i -> IndexCoverage.servesTrigram(i, column))
              .findFirst();
      if (serving.isPresent()) {
        notes.add(servedNote(Rule.LEADING_WILDCARD_LIKE, f, serving.get()));
        continue;
      }
      parts.add(
          new Proposal.Part(table, "gin", List.of(new IndexKey(column, false, "gin_trgm_ops"))));
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    String comment =
        "In "
            + f.where()
            + ", LIKE with a leading wildcard on "
            + seen(table, scanned)
            + " ("
            + String.join(", ", columns)
            + ") cannot use a btree index and reads every row"
            + removed(f.numbers())
            + "; pg_trgm GIN indexes answer it from trigrams.";
    return Optional.of(
        Proposal.create(CandidateKind.EXTENSION_INDEX, parts, reason(f, comment.toString())));
  }

  /**
   * The table's name, or for a finding lifted from a partition to its parent: {@code
   * payment_p2022_07 (a partition of payment)}.
   */
  private static String seen(CatalogTable table, CatalogTable scanned) {
    return scanned == null || scanned.key().equals(table.key())
        ? table.name()
        : scanned.name() + " (a partition of " + table.name() + ")";
  }

  /** The indexes of the table, and of the partition the finding was seen on when it differs. */
  private static List<CatalogIndex> indexesOf(
      Catalog catalog, CatalogTable table, CatalogTable scanned) {
    List<CatalogIndex> out = new ArrayList<>(catalog.indexesOf(table));
    if (scanned != null && !scanned.key().equals(table.key())) {
      out.addAll(catalog.indexesOf(scanned));
    }
    return out;
  }

  private static Optional<CatalogIndex> served(
      Catalog catalog,
      CatalogTable table,
      CatalogTable scanned,
      List<String> eq,
      List<IndexKey> then) {
    return indexesOf(catalog, table, scanned).stream()
        .filter(
            i ->
                then.isEmpty()
                    ? IndexCoverage.leadsWith(i, eq)
                    : IndexCoverage.servesOrdered(i, eq, then))
        .findFirst();
  }

  /** The given columns that the table has, in order without repeats; the others become notes. */
  private static List<String> known(
      CatalogTable table, List<String> columns, Rule rule, PlanFinding f, List<AdviceNote> notes) {
    Set<String> kept = new LinkedHashSet<>();
    for (String c : columns) {
      if (table.hasColumn(c)) {
        kept.add(c);
      } else {
        notes.add(
            new AdviceNote(
                rule,
                name(f),
                c + " is not a column of " + table.key() + "; left out of the index"));
      }
    }
    return new ArrayList<>(kept);
  }

  private static Proposal create(
      CandidateKind kind, CatalogTable table, String method, List<IndexKey> keys, Reason reason) {
    return Proposal.create(kind, List.of(new Proposal.Part(table, method, keys)), reason);
  }

  private static Reason reason(PlanFinding f, String comment) {
    return new Reason(
        ruleOf(f.kind()), f.trigger(), f.route(), f.statement(), f.node(), f.numbers(), comment);
  }

  private static AdviceNote servedNote(Rule rule, PlanFinding f, CatalogIndex index) {
    return new AdviceNote(
        rule,
        name(f),
        "already served by index "
            + index.name()
            + " ("
            + f.where()
            + "); the planner chose not to use it, so another one would not help");
  }

  private static String name(PlanFinding f) {
    return f.schema() == null ? f.table() : f.schema() + "." + f.table();
  }

  private static String filterText(List<String> eq, List<String> range) {
    List<String> parts = new ArrayList<>();
    eq.forEach(c -> parts.add(c + " = ?"));
    range.forEach(c -> parts.add("a range of " + c));
    return String.join(", ", parts);
  }

  private static String removed(Map<String, Double> numbers) {
    Double removed = numbers.get("rowsRemoved");
    if (removed == null) {
      return "";
    }
    Double kept = numbers.get("rowsReturned");
    String text = String.format(Locale.ROOT, " and removes %,d rows", removed.longValue());
    if (kept != null) {
      text += String.format(Locale.ROOT, " to keep %,d", kept.longValue());
    }
    return text;
  }
}
