package dev.indexlab.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.indexlab.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code --db testcontainers}: a real container where a Docker engine answers (skipped otherwise),
 * and one clear line with exit status 1 where none does.
 */
@Tag("docker")
class ContainerTargetIT {

  @Test
  void startsAPostgresContainerWithTheBenchmarkSettings() throws Exception {
    assumeTrue(ContainerTarget.dockerAvailable(), "no Docker engine: Testcontainers test skipped");
    try (ContainerTarget t = ContainerTarget.start("postgres:17");
        Connection c = t.connection().open();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW jit")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("off");
      assertThat(t.description()).doesNotContain(t.connection().password());
    }
  }

  @Test
  void withoutDockerTheTargetFailsWithOneLine() {
    assumeFalse(ContainerTarget.dockerAvailable(), "a Docker engine answers here");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"checksum", "--db", "testcontainers:postgres:17", "-q"},
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo(
            "indexlab: --db testcontainers:postgres:17: no Docker engine is reachable from this"
                + " machine");
  }
}
