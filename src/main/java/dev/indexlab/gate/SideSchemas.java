package dev.indexlab.gate;

import dev.indexlab.workload.Workload;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the schemas of an A/B pair relate, which decides how both sides get their data from one
 * seeding:
 *
 * <ul>
 *   <li>{@link Relation#SAME}: same schema files; both copies of the seeded template are used as
 *       they are.
 *   <li>{@link Relation#HEAD_EXTENDS}: head has every migration of base, unchanged, plus new ones
 *       (the usual pull request: {@code V7__index_song_history_user_id.sql}). The template is
 *       seeded with base's schema; Flyway applies head's new migrations to head's copy only.
 *   <li>{@link Relation#BASE_EXTENDS}: the reverse (a migration reverted): the template gets head's
 *       schema and base's copy the extra migrations.
 *   <li>{@link Relation#DIVERGED}: a migration both have was edited, or a {@code schema.sql} dump
 *       changed: no copy can be migrated from the other's schema, so each side is seeded on its own
 *       (the generator is deterministic: the same seed gives the same rows).
 * </ul>
 */
final class SideSchemas {
  private SideSchemas() {}

  /** See the class comment. */
  public enum Relation {
    SAME,
    HEAD_EXTENDS,
    BASE_EXTENDS,
    DIVERGED
  }

  /** How {@code head}'s schema relates to {@code base}'s. */
  public static Relation compare(Workload base, Workload head) {
    return compare(schemaFiles(base), schemaFiles(head));
  }

  /** How two sets of schema files (path → hash) relate. */
  static Relation compare(Map<String, String> base, Map<String, String> head) {
    if (base.equals(head)) {
      return Relation.SAME;
    }
    boolean migrations =
        base.keySet().stream().allMatch(k -> k.startsWith("schema/"))
            && head.keySet().stream().allMatch(k -> k.startsWith("schema/"));
    if (migrations && contains(head, base)) {
      return Relation.HEAD_EXTENDS;
    }
    if (migrations && contains(base, head)) {
      return Relation.BASE_EXTENDS;
    }
    return Relation.DIVERGED;
  }

  private static boolean contains(Map<String, String> larger, Map<String, String> smaller) {
    return smaller.entrySet().stream().allMatch(e -> e.getValue().equals(larger.get(e.getKey())));
  }

  /** The schema files of {@code w} (its migrations, or its schema.sql) with their hashes. */
  static Map<String, String> schemaFiles(Workload w) {
    Map<String, String> out = new TreeMap<>();
    WorkloadDigest.of(w)
        .files()
        .forEach(
            (path, hash) -> {
              if (path.startsWith("schema/") || path.equals("schema.sql")) {
                out.put(path, hash);
              }
            });
    return out;
  }
}
