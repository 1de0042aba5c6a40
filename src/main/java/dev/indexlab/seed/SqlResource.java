package dev.indexlab.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** A catalog query that the seed step needs, read from {@code dev/indexlab/seed/NAME.sql}. */
final class SqlResource {
  private SqlResource() {}

  /** The text of resource {@code name} (for example {@code "constraints.sql"}). */
  static String text(String name) {
    try (InputStream in = SqlResource.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prepares resource {@code name} and binds {@code tables} as a text array to each {@code ?}. */
  static PreparedStatement withTables(Connection c, String name, List<String> tables)
      throws SQLException {
    String sql = text(name);
    PreparedStatement ps = c.prepareStatement(sql);
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
