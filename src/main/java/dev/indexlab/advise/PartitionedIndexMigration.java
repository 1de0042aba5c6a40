package dev.indexlab.advise;

import dev.indexlab.db.Identifiers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The production statements for an index on a partitioned table. {@code CREATE INDEX CONCURRENTLY}
 * cannot build an index on a partitioned table, and a plain {@code CREATE INDEX} on it blocks
 * writes to every partition until the last one is built. The way that does not block writes: create
 * the index on the parent alone ({@code CREATE INDEX ... ON ONLY parent}: no rows read, the index
 * is INVALID for now), build each partition's index with {@code CREATE INDEX CONCURRENTLY}, and
 * attach each one ({@code ALTER INDEX parent_index ATTACH PARTITION partition_index}); once every
 * partition has its index attached, PostgreSQL marks the parent's index valid. A sub-partitioned
 * partition gets an {@code ON ONLY} index of its own, attached to the parent's after its own
 * partitions'.
 *
 * <pre>{@code
 * CREATE INDEX IF NOT EXISTS payment_customer_id_idx ON ONLY public.payment (customer_id);
 * CREATE INDEX CONCURRENTLY IF NOT EXISTS payment_p2022_01_customer_id_idx
 *     ON public.payment_p2022_01 (customer_id);
 * ALTER INDEX public.payment_customer_id_idx ATTACH PARTITION public.payment_p2022_01_customer_id_idx;
 * ...
 * }</pre>
 *
 * <p>Attaching an index already attached to the same parent does nothing, so a run that failed
 * halfway can be run again (after dropping an INVALID partition index it left).
 */
final class PartitionedIndexMigration {
  private static final Pattern CREATE =
      Pattern.compile(
          "(?is)^CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\S+)\\s+ON\\s+(.*)$");

  private final Catalog catalog;
  private final Set<String> taken = new HashSet<>();

  PartitionedIndexMigration(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * The statements for {@code sql} (a candidate's plain {@code CREATE INDEX}) when it builds an
   * index on a partitioned table of the catalog; empty for any other statement.
   */
  Optional<List<String>> statements(String sql) {
    Optional<IndexSpec> spec = IndexStatementParser.create(sql);
    Matcher m = CREATE.matcher(sql.strip());
    if (spec.isEmpty() || !m.matches()) {
      return Optional.empty();
    }
    String schema = spec.get().schema() == null ? "public" : spec.get().schema();
    Optional<CatalogTable> table = catalog.table(schema, spec.get().table());
    if (table.isEmpty() || !table.get().partitioned()) {
      return Optional.empty();
    }
    String target = m.group(3).strip();
    String prefix = table.get().qualifiedName();
    if (!target.startsWith(prefix)) {
      return Optional.empty();
    }
    String unique = m.group(1) == null ? "" : "UNIQUE ";
    String rest = target.substring(prefix.length());
    List<String> out = new ArrayList<>();
    build(out, unique, spec.get().name(), table.get(), rest, spec.get().keys());
    return Optional.of(out);
  }

  /** Creates {@code indexName} on ONLY {@code table}, then its partitions' indexes, attached. */
  private void build(
      List<String> out,
      String unique,
      String indexName,
      CatalogTable table,
      String rest,
      List<IndexKey> keys) {
    taken.add(indexName);
    out.add(
        "CREATE "
            + unique
            + "INDEX IF NOT EXISTS "
            + indexName
            + " ON ONLY "
            + table.qualifiedName()
            + rest);
    String parent = schemaOf(table) + "." + indexName;
    for (CatalogTable p : catalog.partitionsOf(table)) {
      String name = partitionIndexName(p, keys);
      if (p.partitioned()) {
        build(out, unique, name, p, rest, keys);
      } else {
        out.add(
            "CREATE "
                + unique
                + "INDEX CONCURRENTLY IF NOT EXISTS "
                + name
                + " ON "
                + p.qualifiedName()
                + rest);
      }
      out.add("ALTER INDEX " + parent + " ATTACH PARTITION " + schemaOf(p) + "." + name);
    }
  }

  /**
   * The table's schema as SQL writes it: the part of its quote_ident-qualified name before the dot
   * (index names are made of lower-case letters, digits and underscores, and need no quotes).
   */
  private static String schemaOf(CatalogTable t) {
    String q = t.qualifiedName();
    String name = q.endsWith("\"") ? Identifiers.quote(t.name()) : t.name();
    return q.substring(0, q.length() - name.length() - 1);
  }

  /** {@code <partition>_<cols>_idx}, free among the catalog's index names and those given here. */
  private String partitionIndexName(CatalogTable p, List<IndexKey> keys) {
    StringBuilder base = new StringBuilder(p.name());
    keys.forEach(k -> base.append('_').append(k.column()));
    String name =
        CandidateNames.unique(
            CandidateNames.fit(CandidateNames.slug(base.toString()), "_idx"),
            n -> taken.contains(n) || catalog.hasIndexNamed(p.schema(), n));
    taken.add(name);
    return name;
  }
}
