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
 */
public final class WrittenTables {
  private static final Pattern DELETE = Pattern.compile("(?is)\\bdelete\\s+from\\b");

  private static final String TABLE_OF =
      "SELECT r.oid, n.nspname, r.relname FROM pg_class r"
          + " JOIN pg_namespace n ON n.oid = r.relnamespace WHERE r.oid = to_regclass(?)";

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
   * The tables {@code route} deletes rows from, directly or through ON DELETE CASCADE
   * (transitively), as unquoted {@code schema.table}: where the foreign keys' referential actions
   * of the workload fire. Names that are not tables of the database are ignored.
   */
  public static List<String> deletedFrom(Connection c, Route route) throws SQLException {
    return List.copyOf(reach(c, route).deleted().values());
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
