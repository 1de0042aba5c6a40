package dev.indexlab.bench;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh database with the SongStackify schema and the tiny data set of tiny-songstackify.sql. */
final class TinySongstackify {
  private TinySongstackify() {}

  static ConnectionSpec create(String prefix) throws SQLException {
    ConnectionSpec db = TestDatabases.songstackifySchema(prefix);
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      st.execute(script());
    }
    return db;
  }

  private static String script() {
    try (InputStream in = TinySongstackify.class.getResourceAsStream("tiny-songstackify.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
