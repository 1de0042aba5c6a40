package dev.indexlab.workload;

import dev.indexlab.IndexlabException;
import dev.indexlab.text.OneLine;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws a pool of parameter sets for a route before it is measured. Sampling queries run once;
 * their rows are put in a canonical order (so the server's row order does not matter) and picked
 * with a {@link Random} seeded from {@code seed} and the route's id, so the same seed and data give
 * the same pool in every JVM. Invocations then cycle through the pool, so no route is flattered by
 * hitting one cached row.
 */
public final class ParameterSampler {
  /** Pool size used when the caller has no reason to choose another. */
  public static final int DEFAULT_POOL_SIZE = 1000;

  /** At most this many rows of a sampling query are read. */
  static final int MAX_SAMPLE_ROWS = 200_000;

  private ParameterSampler() {}

  /** {@code size} parameter sets for {@code route}. */
  public static List<Map<String, Object>> pool(Connection c, Route route, long seed, int size)
      throws SQLException {
    return pool(c, route, seed, size, SampledRows.none());
  }

  /**
   * {@code size} parameter sets for {@code route}, taking a sampling query's rows from {@code kept}
   * when it has them (and keeping them there when it does not).
   */
  public static List<Map<String, Object>> pool(
      Connection c, Route route, long seed, int size, SampledRows kept) throws SQLException {
    List<List<List<Object>>> sampled = new ArrayList<>();
    for (ParameterSource p : route.parameters()) {
      if (p.kind().equals("file")) {
        sampled.add(fileRows(route, p));
      } else {
        sampled.add(p.isSample() ? kept.of(c, p, () -> sample(c, route, p)) : null);
      }
    }
    List<Map<String, Object>> pool = new ArrayList<>(size);
    List<Random> randoms = new ArrayList<>();
    for (int i = 0; i < route.parameters().size(); i++) {
      randoms.add(new Random(mix(seed, route.id(), i)));
    }
    for (int n = 0; n < size; n++) {
      Map<String, Object> set = new HashMap<>();
      for (int i = 0; i < route.parameters().size(); i++) {
        ParameterSource p = route.parameters().get(i);
        Random r = randoms.get(i);
        if (p.hasRows()) {
          List<List<Object>> rows = sampled.get(i);
          List<Object> row = rows.get(r.nextInt(rows.size()));
          for (int k = 0; k < p.names().size(); k++) {
            set.put(p.names().get(k), row.get(k));
          }
        } else {
          set.put(p.names().get(0), ValueGenerator.generate(p, r));
        }
      }
      pool.add(set);
    }
    return pool;
  }

  private static long mix(long seed, String routeId, int index) {
    long h = seed * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < routeId.length(); i++) {
      h = (h ^ routeId.charAt(i)) * 0x100000001B3L;
    }
    return h ^ (index * 0xC2B2AE3D27D4EB4FL);
  }

  /** The value sets of a {@code file:} source, read from the file beside the route. */
  private static List<List<Object>> fileRows(Route route, ParameterSource p) {
    String where = route.file() + ":" + p.line() + ": @param " + String.join(", ", p.names());
    Path file = route.file().toAbsolutePath().getParent().resolve(p.spec());
    List<List<Object>> rows;
    try {
      rows = new ArrayList<>(ParamFile.read(file).columns(file, p.names()));
    } catch (IOException e) {
      throw IndexlabException.usage(where + ": file: " + e.getMessage());
    }
    if (rows.isEmpty()) {
      throw new IndexlabException(
          IndexlabException.JOB_FAILED, where + ": " + p.spec() + " holds no value set");
    }
    return rows;
  }

  private static List<List<Object>> sample(Connection c, Route route, ParameterSource p)
      throws SQLException {
    String where = route.file() + ":" + p.line() + ": @param " + String.join(", ", p.names());
    List<List<Object>> rows = new ArrayList<>();
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(p.spec())) {
      ps.setFetchSize(10_000);
      ps.setMaxRows(MAX_SAMPLE_ROWS);
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        if (columns != p.names().size()) {
          throw new IndexlabException(
              IndexlabException.USAGE,
              where
                  + ": the sampling query returns "
                  + columns
                  + " columns for "
                  + p.names().size()
                  + " parameters");
        }
        while (rs.next()) {
          List<Object> row = new ArrayList<>(columns);
          for (int i = 1; i <= columns; i++) {
            row.add(rs.getObject(i));
          }
          rows.add(row);
        }
      }
    } catch (SQLException e) {
      throw new IndexlabException(
          IndexlabException.JOB_FAILED,
          where
              + ": sampling query failed: "
              + OneLine.joined(e.getMessage())
              + " [SQLSTATE "
              + e.getSQLState()
              + "]",
          e);
    } finally {
      c.rollback();
      c.setAutoCommit(autoCommit);
    }
    if (rows.isEmpty()) {
      throw new IndexlabException(
          IndexlabException.JOB_FAILED, where + ": the sampling query returned no row");
    }
    rows.sort(ROW_ORDER);
    return rows;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Comparator<List<Object>> ROW_ORDER =
      (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
          Object x = a.get(i);
          Object y = b.get(i);
          int cmp;
          if (x == null || y == null) {
            cmp = x == null ? (y == null ? 0 : -1) : 1;
          } else if (x instanceof Comparable && x.getClass() == y.getClass()) {
            cmp = ((Comparable) x).compareTo(y);
          } else {
            cmp = String.valueOf(x).compareTo(String.valueOf(y));
          }
          if (cmp != 0) {
            return cmp;
          }
        }
        return 0;
      };
}
