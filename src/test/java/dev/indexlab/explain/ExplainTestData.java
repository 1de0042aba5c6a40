package dev.indexlab.explain;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.PgVersion;
import dev.indexlab.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Databases for the explain integration tests: SongStackify with rows, and two shape tables. */
final class ExplainTestData {
  private ExplainTestData() {}

  /** A fresh SongStackify database holding songstackify-rows.sql, vacuumed and analyzed. */
  static ConnectionSpec songstackifyWithRows(String prefix) throws SQLException {
    return songstackifyWithRows(TestDatabases.version(), prefix);
  }

  /** As {@link #songstackifyWithRows(String)}, on the test server of {@code version}. */
  static ConnectionSpec songstackifyWithRows(PgVersion version, String prefix) throws SQLException {
    ConnectionSpec spec = TestDatabases.songstackifySchema(version, prefix);
    load(spec, "songstackify-rows.sql");
    return spec;
  }

  /** A fresh database holding the customers and orders of shapes-tables.sql. */
  static ConnectionSpec shapes(String prefix) throws SQLException {
    return shapes(TestDatabases.version(), prefix);
  }

  /** As {@link #shapes(String)}, on the test server of {@code version}. */
  static ConnectionSpec shapes(PgVersion version, String prefix) throws SQLException {
    ConnectionSpec spec = TestDatabases.empty(version, prefix);
    load(spec, "shapes-tables.sql");
    return spec;
  }

  private static void load(ConnectionSpec spec, String script) throws SQLException {
    try (Connection c = spec.open();
        Statement st = c.createStatement()) {
      st.execute(Fixtures.read("/dev/indexlab/explain/" + script));
      st.execute("VACUUM ANALYZE");
    }
  }
}
