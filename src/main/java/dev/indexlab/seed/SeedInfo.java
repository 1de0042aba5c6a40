package dev.indexlab.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.indexlab.Json;
import dev.indexlab.SqlResources;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What was seeded into a database, kept in its one-row table {@code indexlab_seed_info} so that
 * later commands and reports can say which workload, scale and seed they measured. {@code
 * TableChecksums} skips tables named {@code indexlab_%}, so this table never changes a digest.
 *
 * @param rowCounts rows per table as loaded
 * @param loadMillis the load's wall time (keys dropped to ANALYZE done)
 */
public record SeedInfo(
    String workload,
    String generator,
    double scale,
    long seed,
    Map<String, Long> rowCounts,
    long loadMillis,
    String indexlabVersion) {
  /** The table's name. */
  public static final String TABLE = "indexlab_seed_info";

  private static final ObjectMapper JSON = Json.mapper();

  /** True when this describes the same data as {@code other} would produce. */
  public boolean sameData(String otherWorkload, String otherGenerator, SeedOptions options) {
    return workload.equals(otherWorkload)
        && generator.equals(otherGenerator)
        && Double.compare(scale, options.scale()) == 0
        && seed == options.seed();
  }

  /** Creates the table if needed and replaces its row with this one. */
  public void write(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(SqlResources.text(SeedInfo.class, "seed-info.sql"));
    }
    String sql =
        "INSERT INTO "
            + TABLE
            + " (id, workload, generator, scale, seed, row_counts, load_millis, indexlab_version)"
            + " VALUES (1, ?, ?, ?, ?, ?::jsonb, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET workload = excluded.workload,"
            + " generator = excluded.generator, scale = excluded.scale, seed = excluded.seed,"
            + " row_counts = excluded.row_counts, load_millis = excluded.load_millis,"
            + " indexlab_version = excluded.indexlab_version, seeded_at = now()";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, workload);
      ps.setString(2, generator);
      ps.setBigDecimal(3, BigDecimal.valueOf(scale));
      ps.setLong(4, seed);
      ps.setString(5, JSON.writeValueAsString(rowCounts));
      ps.setLong(6, loadMillis);
      ps.setString(7, indexlabVersion);
      ps.executeUpdate();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode row counts", e);
    }
  }

  /** The seed info of {@code c}'s database, if indexlab seeded it. */
  public static Optional<SeedInfo> read(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet exists = st.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL")) {
      exists.next();
      if (!exists.getBoolean(1)) {
        return Optional.empty();
      }
    }
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT workload, generator, scale, seed, row_counts::text, load_millis,"
                    + " indexlab_version FROM "
                    + TABLE
                    + " WHERE id = 1")) {
      if (!rs.next()) {
        return Optional.empty();
      }
      Map<String, Long> counts =
          JSON.readValue(rs.getString(5), new TypeReference<LinkedHashMap<String, Long>>() {});
      return Optional.of(
          new SeedInfo(
              rs.getString(1),
              rs.getString(2),
              rs.getBigDecimal(3).doubleValue(),
              rs.getLong(4),
              counts,
              rs.getLong(6),
              rs.getString(7)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(TABLE + ".row_counts is not a JSON object", e);
    }
  }
}
