package dev.indexlab.advise;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;

/** The advisor tests' own schema ("Sales"), with or without its rows. */
final class SalesSchema {
  private SalesSchema() {}

  /** A new database holding the schema and, when {@code withData}, its rows (analyzed). */
  static ConnectionSpec create(String prefix, boolean withData) throws Exception {
    ConnectionSpec spec = TestDatabases.empty(prefix);
    try (Connection c = spec.open();
        Statement st = c.createStatement()) {
      st.execute(resource("sales_schema.sql"));
      if (withData) {
        st.execute(resource("sales_data.sql"));
      }
    }
    return spec;
  }

  static String resource(String name) throws IOException {
    try (InputStream in = SalesSchema.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
