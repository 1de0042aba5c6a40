package dev.indexlab.scenario;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Counts updated rows and heap-only-tuple (HOT) updates over all user tables, as the statistics
 * collector sees them from one session: the session's own pending counters are flushed first
 * ({@code pg_stat_force_next_flush()}) and the cached snapshot cleared, so two readings around a
 * piece of work on the same connection give exactly that work's updates, rolled-back ones included.
 * An index on an updated column turns HOT updates into non-HOT ones: the write cost that a new
 * index adds beyond its own maintenance.
 */
final class HotUpdateCounter {
  private HotUpdateCounter() {}

  /** Rows updated and HOT-updated so far. */
  record Reading(long updated, long hot) {
    /** The HOT share of the updates since {@code before}; null when nothing was updated. */
    Double shareSince(Reading before) {
      long u = updated - before.updated;
      return u <= 0 ? null : (double) (hot - before.hot) / u;
    }
  }

  static Reading read(Connection c) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(true);
    try (Statement st = c.createStatement()) {
      st.execute("SELECT pg_stat_force_next_flush()");
      st.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet rs =
          st.executeQuery(
              "SELECT coalesce(sum(n_tup_upd), 0), coalesce(sum(n_tup_hot_upd), 0)"
                  + " FROM pg_stat_user_tables")) {
        rs.next();
        return new Reading(rs.getLong(1), rs.getLong(2));
      }
    } finally {
      c.setAutoCommit(auto);
    }
  }
}
