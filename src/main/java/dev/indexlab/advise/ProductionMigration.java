package dev.indexlab.advise;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The migration a team ships for a candidate: each index built with {@code CREATE INDEX
 * CONCURRENTLY IF NOT EXISTS} (dropped with {@code DROP INDEX CONCURRENTLY IF EXISTS}) so writes go
 * on meanwhile, under {@code SET lock_timeout = '5s'} so a long transaction on the table makes the
 * migration fail instead of queueing every writer behind it. CONCURRENTLY cannot run inside a
 * transaction, so the script goes with a Flyway script configuration file ({@link #CONF_SUFFIX})
 * holding {@link #CONF_TEXT}; and Flyway's transactional advisory lock must be off (see
 * docs/candidates.md; the tests' {@code ProductionMigrationCheck} applies it so), or the build
 * waits forever for Flyway's own lock transaction.
 */
public final class ProductionMigration {
  /** Appended to the script's file name to name its Flyway configuration file. */
  public static final String CONF_SUFFIX = ".conf";

  /** The script configuration: run outside a transaction. */
  public static final String CONF_TEXT = "executeInTransaction=false\n";

  private static final Pattern CREATE =
      Pattern.compile(
          "(?is)^CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(?!CONCURRENTLY\\b)(IF\\s+NOT\\s+EXISTS\\s+)?(.*)$");
  private static final Pattern DROP =
      Pattern.compile("(?is)^DROP\\s+INDEX\\s+(?!CONCURRENTLY\\b)(IF\\s+EXISTS\\s+)?(.*)$");
  private static final Pattern ALREADY =
      Pattern.compile("(?is)^(CREATE\\s+(UNIQUE\\s+)?INDEX|DROP\\s+INDEX)\\s+CONCURRENTLY\\b.*");
  private static final Pattern EXTENSION = Pattern.compile("(?is)^CREATE\\s+EXTENSION\\b.*");

  private ProductionMigration() {}

  /**
   * The production statements (without semicolons) for a candidate's index statements, or empty
   * when a statement is not an index or extension statement (a hand-written migration that does
   * more must be made production-ready by hand).
   */
  public static Optional<List<String>> statements(Candidate candidate) {
    return statements(candidate, Optional.empty());
  }

  /**
   * As {@link #statements(Candidate)}; with the catalog, an index on a partitioned table is built
   * the way that does not block writes ({@link PartitionedIndexMigration}: ON ONLY the parent, each
   * partition's CONCURRENTLY, ATTACH PARTITION), and a drop of an index on a partitioned table,
   * which CONCURRENTLY cannot do, is a plain {@code DROP INDEX}.
   */
  public static Optional<List<String>> statements(Candidate candidate, Optional<Catalog> catalog) {
    if (candidate.statements().isEmpty()) {
      return Optional.empty();
    }
    Optional<PartitionedIndexMigration> partitioned = catalog.map(PartitionedIndexMigration::new);
    List<String> out = new ArrayList<>();
    out.add("SET lock_timeout = '5s'");
    for (String raw : candidate.statements()) {
      String s = raw.strip();
      Matcher create = CREATE.matcher(s);
      Matcher drop = DROP.matcher(s);
      Optional<List<String>> onParent = partitioned.flatMap(p -> p.statements(s));
      if (onParent.isPresent()) {
        out.addAll(onParent.get());
      } else if (drop.matches() && dropsPartitionedIndex(catalog, drop.group(2))) {
        out.add("DROP INDEX IF EXISTS " + drop.group(2));
      } else if (create.matches()) {
        String unique = create.group(1) == null ? "" : "UNIQUE ";
        out.add("CREATE " + unique + "INDEX CONCURRENTLY IF NOT EXISTS " + create.group(3));
      } else if (drop.matches()) {
        out.add("DROP INDEX CONCURRENTLY IF EXISTS " + drop.group(2));
      } else if (ALREADY.matcher(s).matches() || EXTENSION.matcher(s).matches()) {
        out.add(s);
      } else {
        return Optional.empty();
      }
    }
    out.add("RESET lock_timeout");
    return Optional.of(out);
  }

  /** True when {@code target} (a DROP INDEX's object) names an index on a partitioned table. */
  private static boolean dropsPartitionedIndex(Optional<Catalog> catalog, String target) {
    return catalog
        .flatMap(
            c ->
                IndexStatementParser.drop("DROP INDEX " + target)
                    .flatMap(n -> c.index(n[0] == null ? "public" : n[0], n[1])))
        .map(CatalogIndex::partitioned)
        .orElse(false);
  }
}
