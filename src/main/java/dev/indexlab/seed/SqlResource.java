package dev.indexlab.seed;

import dev.indexlab.SqlResources;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A catalog query of the seed step ({@code dev/indexlab/seed/NAME.sql}), prepared with its tables
 * bound.
 */
final class SqlResource {
  private SqlResource() {}

  /** Prepares resource {@code name} and binds {@code tables} as a text array to each {@code ?}. */
  static PreparedStatement withTables(Connection c, String name, List<String> tables)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(SqlResources.text(SqlResource.class, name));
    try {
      Array array = c.createArrayOf("text", tables.toArray());
      int marks = ps.getParameterMetaData().getParameterCount();
      for (int i = 1; i <= marks; i++) {
        ps.setArray(i, array);
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }
}
