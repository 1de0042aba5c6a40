package dev.indexlab.advise;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often each index was scanned while a workload ran: the difference of {@code
 * pg_stat_user_indexes.idx_scan} between two snapshots (so no statistics reset, which needs
 * privileges, is required). Scan counts include statements that were rolled back. {@code
 * measuredOver} says what ran in between ("16 routes x 20 invocations"), for reasons and reports.
 *
 * <pre>{@code
 * Map<String, Long> before = IndexUsage.snapshot(c);
 * ... run the workload ...
 * IndexUsage usage = IndexUsage.between(before, IndexUsage.snapshot(c), "16 routes x 20 runs");
 * }</pre>
 *
 * <p>Hazard: PostgreSQL 15+ publishes a backend's counts when it goes idle, at most once a second.
 * {@link #snapshot} forces the calling backend's pending counts out first; counts of other sessions
 * (a JMH fork) appear once those sessions have been idle or closed.
 */
record IndexUsage(Map<String, Long> scans, String measuredOver) {
  public IndexUsage {
    scans = Map.copyOf(scans);
  }

  /** {@code idx_scan} of every user index, keyed {@code schema.index}. */
  public static Map<String, Long> snapshot(Connection c) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    if (!autoCommit) {
      c.commit();
      c.setAutoCommit(true);
    }
    try (Statement st = c.createStatement()) {
      try {
        st.execute("SELECT pg_stat_force_next_flush()");
      } catch (SQLException olderThan15) {
        // before PostgreSQL 15 counts go through the collector; nothing to force
      }
      // a new statement after the idle point above, so the flush has happened
      Map<String, Long> scans = new TreeMap<>();
      try (ResultSet rs =
          st.executeQuery("SELECT schemaname, indexrelname, idx_scan FROM pg_stat_user_indexes")) {
        while (rs.next()) {
          scans.put(rs.getString(1) + "." + rs.getString(2), rs.getLong(3));
        }
      }
      return scans;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /** The scans between two snapshots; an index missing from {@code before} counts from zero. */
  public static IndexUsage between(
      Map<String, Long> before, Map<String, Long> after, String measuredOver) {
    Map<String, Long> delta = new HashMap<>();
    after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0L)));
    return new IndexUsage(delta, measuredOver);
  }

  /** Scans of {@code index} over the workload (0 when unknown). */
  public long scans(CatalogIndex index) {
    return scans.getOrDefault(index.key(), 0L);
  }
}
