package dev.indexlab.workload;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rows of each sampling query ({@code @param ... sample:}), read once and kept, for databases
 * that hold the same rows: the scenarios of one run are copies of one seeded template (or the one
 * database, reverted), and a candidate changes indexes and the physical order of rows, never the
 * rows. Kept rows are in canonical order, so every scenario draws the same parameter sets from
 * them, and a slow sampling query runs once per run instead of once per scenario and route.
 *
 * <p>Keyed by the query's text: a rewritten route that repeats its original's {@code @param} lines
 * shares its rows.
 */
public final class SampledRows {
  private static final SampledRows NONE = new SampledRows(false);

  private final boolean keep;
  private final Map<String, List<List<Object>>> rows = new ConcurrentHashMap<>();

  private SampledRows(boolean keep) {
    this.keep = keep;
  }

  /** A cache for the scenarios of one run. */
  public static SampledRows forOneRun() {
    return new SampledRows(true);
  }

  /** No cache: every call runs its query. */
  public static SampledRows none() {
    return NONE;
  }

  /** How many sampling queries have rows kept. */
  public int size() {
    return rows.size();
  }

  interface Query {
    List<List<Object>> run() throws SQLException;
  }

  /** The kept rows of {@code p}'s query, read on {@code c} the first time. */
  List<List<Object>> of(Connection c, ParameterSource p, Query query) throws SQLException {
    if (!keep) {
      return query.run();
    }
    List<List<Object>> known = rows.get(p.spec());
    if (known != null && known.get(0).size() == p.names().size()) {
      return known;
    }
    if (known != null) {
      // the same query for another number of parameters: run it, to fail with the file and line
      return query.run();
    }
    List<List<Object>> read = List.copyOf(query.run());
    rows.putIfAbsent(p.spec(), read);
    return read;
  }
}
