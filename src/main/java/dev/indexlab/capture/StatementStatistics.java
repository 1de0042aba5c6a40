package dev.indexlab.capture;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads pg_stat_statements of the database a connection is on: the top-level statements of that
 * database, most total execution time first. Refuses with one line when the module is not preloaded
 * or the extension not created, naming the two settings that enable it.
 */
final class StatementStatistics {
  static final String ENABLE =
      "shared_preload_libraries = 'pg_stat_statements' in postgresql.conf (then a restart), and"
          + " CREATE EXTENSION pg_stat_statements in the database";

  private StatementStatistics() {}

  /** The statements, or a usage error saying what is missing. */
  static List<CapturedStatement> read(Connection c) throws SQLException {
    requireExtension(c);
    List<CapturedStatement> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                SqlResources.text(StatementStatistics.class, "pg-stat-statements.sql"));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new CapturedStatement(
                rs.getString("queryid"),
                rs.getString("query"),
                rs.getLong("calls"),
                rs.getDouble("total_ms"),
                rs.getLong("rows"),
                List.of()));
      }
    }
    return out;
  }

  private static void requireExtension(Connection c) throws SQLException {
    String preload;
    boolean created;
    String database;
    try (PreparedStatement ps =
            c.prepareStatement(
                SqlResources.text(StatementStatistics.class, "extension-state.sql"));
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      preload = rs.getString("preload");
      created = rs.getBoolean("created");
      database = rs.getString("database");
    }
    boolean loaded =
        Arrays.stream(preload.split(","))
            .map(s -> s.trim().replace("\"", "").toLowerCase(Locale.ROOT))
            .anyMatch(s -> s.equals("pg_stat_statements"));
    if (!loaded) {
      throw IndexlabException.usage(
          "pg_stat_statements is not preloaded on this server (shared_preload_libraries = '"
              + preload
              + "'); capture needs "
              + ENABLE
              + ", or a server log with "
              + Setting.LOG);
    }
    if (!created) {
      throw IndexlabException.usage(
          "pg_stat_statements is preloaded but not created in database "
              + database
              + ": run CREATE EXTENSION pg_stat_statements there (it needs "
              + ENABLE
              + "), or give a server log with "
              + Setting.LOG);
    }
  }
}
