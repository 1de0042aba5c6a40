package dev.indexlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.testing.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Two copies of one template differ in the file nodes of exactly the tables one rewrote. */
class TableFilesIT {
  @Test
  void clusterAndVacuumFullShowAsRewrittenAnIndexDoesNot() throws Exception {
    ConnectionSpec template = TestDatabases.empty("tablefiles");
    try (Connection c = template.open();
        Statement st = c.createStatement()) {
      for (String t : new String[] {"plays", "songs", "users"}) {
        st.execute("CREATE TABLE " + t + " (id bigint PRIMARY KEY, n int NOT NULL)");
        st.execute("INSERT INTO " + t + " SELECT g, g % 7 FROM generate_series(1, 500) g");
      }
    }
    try (TemplateCopies copies = new TemplateCopies(template)) {
      ConnectionSpec base = copies.copy("base");
      ConnectionSpec changed = copies.copy("changed");
      try (Connection c = changed.open();
          Statement st = c.createStatement()) {
        st.execute("CREATE INDEX plays_n_idx ON plays (n)");
        st.execute("CLUSTER plays USING plays_n_idx");
        st.execute("VACUUM FULL songs");
        st.execute("CREATE INDEX users_n_idx ON users (n)");
        st.execute("CREATE TABLE extra (id int)");
      }
      assertThat(TableFiles.rewritten(base, changed))
          .containsExactlyInAnyOrder("public.plays", "public.songs");
      assertThat(TableFiles.rewritten(base, copies.copyOf("again", "base"))).isEmpty();
    }
  }
}
