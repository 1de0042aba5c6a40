package dev.indexlab.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.PgVersion;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.Workload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema that calls {@code uuidv7()} needs PostgreSQL 18: on 17 the loader's one-line error names
 * the file and line and says which version has the function; on 18 the same schema loads.
 */
class NewerServerSchemaIT {
  private static final String TABLE =
      String.join(
          "\n",
          "-- events keyed by time-ordered UUIDs",
          "CREATE TABLE events (",
          "  id uuid PRIMARY KEY DEFAULT uuidv7(),",
          "  body text",
          ");",
          "INSERT INTO events (body) VALUES ('first');",
          "");

  @Test
  void aSchemaDumpCallingUuidv7OnSeventeenNamesTheLineAndTheVersionThatHasIt(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("workload.properties"), "name=uuids\n");
    Files.writeString(dir.resolve("schema.sql"), TABLE, StandardCharsets.UTF_8);
    Workload w = Workload.open(dir);

    assertThatThrownBy(
            () -> SchemaLoader.load(TestDatabases.empty(PgVersion.V17, "uuidv7_on_17"), w))
        .isInstanceOf(IndexlabException.class)
        .hasMessageEndingWith(
            "schema.sql:3: function uuidv7() does not exist; uuidv7() exists from PostgreSQL 18;"
                + " this server is 17 (try "
                + Setting.PG_VERSION
                + " 18)")
        .hasMessageNotContaining("\n");

    ConnectionSpec on18 = TestDatabases.empty(PgVersion.V18, "uuidv7_on_18");
    SchemaLoader.load(on18, w);
    try (Connection c = on18.open();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT uuid_extract_version(id) FROM events")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(7);
    }
  }

  @Test
  void aMigrationCallingUuidv7OnSeventeenNamesTheMigrationAndTheVersion(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("workload.properties"), "name=uuids\n");
    Path schema = Files.createDirectories(dir.resolve("schema"));
    Files.writeString(
        schema.resolve("V1__events.sql"),
        "CREATE TABLE plain (id int);\n" + TABLE,
        StandardCharsets.UTF_8);
    Workload w = Workload.open(dir);

    assertThatThrownBy(
            () -> SchemaLoader.load(TestDatabases.empty(PgVersion.V17, "uuidv7_flyway"), w))
        .isInstanceOf(IndexlabException.class)
        .hasMessageContaining("V1__events.sql:")
        .hasMessageContaining("function uuidv7() does not exist")
        .hasMessageEndingWith(
            "; uuidv7() exists from PostgreSQL 18; this server is 17 (try "
                + Setting.PG_VERSION
                + " 18)");
  }

  @Test
  void aFunctionTheServerHasButMisspelledGetsNoVersionHint(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("workload.properties"), "name=typo\n");
    Files.writeString(
        dir.resolve("schema.sql"),
        "CREATE TABLE t (id uuid DEFAULT gen_random_uuidd());\n",
        StandardCharsets.UTF_8);
    Workload w = Workload.open(dir);
    assertThatThrownBy(() -> SchemaLoader.load(TestDatabases.empty(PgVersion.V17, "typo"), w))
        .isInstanceOf(IndexlabException.class)
        .hasMessageEndingWith("schema.sql:1: function gen_random_uuidd() does not exist");
  }
}
