package dev.indexlab.bench;

import dev.indexlab.db.Identifiers;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteStatement;
import dev.indexlab.workload.RouteTables;
import dev.indexlab.workload.SqlScanner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The tables a route writes, and their VACUUM. A rolled-back INSERT or UPDATE still leaves dead
 * tuples behind; measured thousands of times, a route would leave its tables bloated for the routes
 * measured after it. So after measuring a route that writes, {@link BenchRunner} vacuums the tables
 * its statements name as INSERT, UPDATE or DELETE targets ({@link RouteTables}), plus the tables a
 * DELETE reaches through foreign keys with ON DELETE CASCADE / SET NULL / SET DEFAULT (found in the
 * catalog, transitively for cascades). Updates are assumed not to change referenced keys, so ON
 * UPDATE actions are not followed.
 *
 * <p>A statement on a partitioned table writes its partitions: {@link #reached} and {@link
 * #deletedFrom} add every partition of a partitioned table written (a DELETE through the parent can
 * touch any of them; which ones depends on its parameters), and {@link #deletedFrom} also the
 * partitioned tables above a partition deleted from, whose foreign keys' actions fire for it. The
 * foreign keys PostgreSQL clones onto partitions (one per partition, for a key into or out of a
 * partitioned table) are found like any other, so a cascade into a partitioned table reaches its
 * partitions.
 */
public final class WrittenTables {
  private static final Pattern DELETE = Pattern.compile("(?is)\\bdelete\\s+from\\b");

  private static final String TABLE_OF =
      "SELECT r.oid, n.nspname, r.relname FROM pg_class r"
          + " JOIN pg_namespace n ON n.oid = r.relnamespace WHERE r.oid = to_regclass(?)";

  private static final String PARTITIONS =
      "SELECT t.relid::oid, n.nspname, r.relname FROM pg_partition_tree(?::oid::regclass) t"
          + " JOIN pg_class r ON r.oid = t.relid JOIN pg_namespace n ON n.oid = r.relnamespace"
          + " WHERE t.level > 0 ORDER BY t.level, 2, 3";

  private static final String ANCESTORS =
      "SELECT a.relid::oid, n.nspname, r.relname FROM pg_partition_ancestors(?::oid::regclass) a"
          + " JOIN pg_class r ON r.oid = a.relid JOIN pg_namespace n ON n.oid = r.relnamespace"
          + " WHERE a.relid <> ?::oid::regclass";

  private static final String REFERENCING =
      "SELECT c.conrelid, n.nspname, r.relname, c.confdeltype FROM pg_constraint c"
          + " JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace"
          + " WHERE c.contype = 'f' AND c.confrelid = ? AND c.confdeltype IN ('c', 'n', 'd')"
          + " ORDER BY 2, 3";

  private WrittenTables() {}

  /** A table a statement writes, as written, and whether that statement deletes. */
  record Target(String name, boolean delete) {}

  /** The write targets of {@code route}'s statements ({@link RouteTables}), in order. */
  static List<Target> targets(Route route) {
    List<Target> targets = new ArrayList<>();
    for (RouteStatement s : route.statements()) {
      boolean delete = DELETE.matcher(SqlScanner.stripComments(s.sql())).find();
      RouteTables.written(s.sql()).forEach(t -> targets.add(new Target(t, delete)));
    }
    return targets;
  }

  /** True when the route's statements write (an INSERT, UPDATE or DELETE). */
  public static boolean writes(Route route) {
    return !RouteTables.written(route).isEmpty();
  }

  /**
   * The tables {@code route} writes, directly or through delete actions, as quoted qualified names
   * in a stable order. Names that are not tables of the database are ignored.
   */
  public static List<String> of(Connection c, Route route) throws SQLException {
    return List.copyOf(reach(c, route).written().values());
  }

  /**
   * As {@link #of}, with every partition of each partitioned table written: the tables whose
   * indexes the route's writes maintain, for deciding which routes an index's upkeep can slow.
   */
  public static List<String> reached(Connection c, Route route) throws SQLException {
    Reach reach = reach(c, route);
    Map<Long, String> out = new LinkedHashMap<>(reach.written());
    for (Long oid : List.copyOf(reach.written().keySet())) {
      related(c, PARTITIONS, oid, false).forEach((k, v) -> out.putIfAbsent(k, v[0]));
    }
    return List.copyOf(out.values());
  }

  /**
   * The tables {@code route} deletes rows from, directly or through ON DELETE CASCADE
   * (transitively), as unquoted {@code schema.table}: where the foreign keys' referential actions
   * of the workload fire. A partitioned table brings its partitions, a partition the partitioned
   * tables above it. Names that are not tables of the database are ignored.
   */
  public static List<String> deletedFrom(Connection c, Route route) throws SQLException {
    Map<Long, String> deleted = reach(c, route).deleted();
    Map<Long, String> out = new LinkedHashMap<>(deleted);
    for (Long oid : List.copyOf(deleted.keySet())) {
      related(c, PARTITIONS, oid, false).forEach((k, v) -> out.putIfAbsent(k, v[1]));
      related(c, ANCESTORS, oid, true).forEach((k, v) -> out.putIfAbsent(k, v[1]));
    }
    return List.copyOf(out.values());
  }

  /**
   * The partitions under (or the tables above) table {@code oid}, by oid: quoted qualified name and
   * unquoted {@code schema.table}.
   */
  private static Map<Long, String[]> related(Connection c, String sql, long oid, boolean twice)
      throws SQLException {
    Map<Long, String[]> out = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, oid);
      if (twice) {
        ps.setLong(2, oid);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getLong(1),
              new String[] {Identifiers.qualified(rs.getString(2), rs.getString(3)), key(rs)});
        }
      }
    }
    return out;
  }

  /**
   * What a route reaches, by table oid: every table it writes (quoted qualified name) and, among
   * them, those it deletes rows from (unquoted {@code schema.table}).
   */
  private record Reach(Map<Long, String> written, Map<Long, String> deleted) {}

  private static Reach reach(Connection c, Route route) throws SQLException {
    Map<Long, String> written = new LinkedHashMap<>();
    Map<Long, String> deleted = new LinkedHashMap<>();
    Deque<Long> deletes = new ArrayDeque<>();
    for (Target t : targets(route)) {
      try (PreparedStatement ps = c.prepareStatement(TABLE_OF)) {
        ps.setString(1, t.name());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            long oid = rs.getLong(1);
            written.putIfAbsent(oid, Identifiers.qualified(rs.getString(2), rs.getString(3)));
            if (t.delete() && deleted.putIfAbsent(oid, key(rs)) == null) {
              deletes.add(oid);
            }
          }
        }
      }
    }
    while (!deletes.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(REFERENCING)) {
        ps.setLong(1, deletes.poll());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long ref = rs.getLong(1);
            written.putIfAbsent(ref, Identifiers.qualified(rs.getString(2), rs.getString(3)));
            if (rs.getString(4).equals("c") && deleted.putIfAbsent(ref, key(rs)) == null) {
              deletes.add(ref);
            }
          }
        }
      }
    }
    return new Reach(written, deleted);
  }

  private static String key(ResultSet rs) throws SQLException {
    return rs.getString(2) + "." + rs.getString(3);
  }

  /** Runs VACUUM on each table; {@code c} must be in auto-commit mode. */
  public static void vacuum(Connection c, List<String> tables) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String table : tables) {
        st.execute("VACUUM " + table);
      }
    }
  }
}
