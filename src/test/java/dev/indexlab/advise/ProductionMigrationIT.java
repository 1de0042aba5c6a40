package dev.indexlab.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.check.CandidateKind;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.schema.SchemaMigrator;
import dev.indexlab.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionMigrationIT {
  @TempDir Path dir;

  private static ConnectionSpec seeded(String prefix) throws Exception {
    ConnectionSpec db = TestDatabases.songstackifySchema(prefix);
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      st.execute(
          "INSERT INTO platforms (id, platform_name, platform_url) VALUES (1, 's', 'x%');"
              + "INSERT INTO users (id, password) SELECT g, 'h' FROM generate_series(1, 20) g;"
              + "INSERT INTO songs (id, song_name, artist, album)"
              + " SELECT g, 'song ' || g, 'a', 'b' FROM generate_series(1, 200) g;"
              + "INSERT INTO song_history (user_id, song_id)"
              + " SELECT 1 + g % 20, 1 + g % 200 FROM generate_series(1, 2000) g;"
              + "ANALYZE;");
    }
    return db;
  }

  private CandidateFolder written(ConnectionSpec db, String finding) throws Exception {
    try (Connection c = db.open()) {
      Catalog catalog = CatalogReader.read(c);
      List<PlanFinding> findings =
          finding == null
              ? List.of()
              : List.of(
                  PlanFindings.leadingWildcard(
                      null, "songs", List.of(finding), "song_search", 1, "Seq Scan", Map.of()));
      Advice advice = Advising.advise(catalog, findings, Optional.empty());
      Candidate cand =
          advice.candidates().stream()
              .filter(
                  x ->
                      finding == null
                          ? x.name().equals("idx_song_history_user_id")
                          : x.kind() == CandidateKind.EXTENSION_INDEX)
              .findFirst()
              .orElseThrow();
      Path root = dir.resolve("candidates");
      CandidateWriter writer =
          new CandidateWriter(
              root, CandidateWriter.versionBase(Optional.of(Path.of("queries/schema"))));
      return writer.write(List.of(cand), Map.of()).written().get(0);
    }
  }

  @Test
  void flywayAppliesTheConcurrentlyMigrationOutsideATransaction() throws Exception {
    ConnectionSpec db = seeded("advise_prod");
    CandidateFolder folder = written(db, null);
    Path script = folder.productionMigrations().get(0);
    assertThat(script.getFileName().toString()).isEqualTo("V1001__idx_song_history_user_id.sql");
    assertThat(Files.readString(script))
        .contains("SET lock_timeout = '5s';\n")
        .contains(
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS song_history_user_id_idx"
                + " ON public.song_history (user_id);\n");
    assertThat(script.resolveSibling(script.getFileName() + ".conf"))
        .hasContent("executeInTransaction=false");

    ProductionMigrationCheck.Result r =
        ProductionMigrationCheck.apply(
            db, folder.directory().resolve(CandidateWriter.PRODUCTION_DIR), folder.candidate());
    assertThat(r.problem()).isNull();
    assertThat(r.ok()).isTrue();
    assertThat(r.migrationsApplied()).isEqualTo(1);
    assertThat(r.validIndexes()).containsExactly("song_history_user_id_idx");
  }

  @Test
  void theExtensionCandidateAppliesToo() throws Exception {
    ConnectionSpec db = seeded("advise_prod_trgm");
    CandidateFolder folder = written(db, "song_name");
    ProductionMigrationCheck.Result r =
        ProductionMigrationCheck.apply(
            db, folder.directory().resolve(CandidateWriter.PRODUCTION_DIR), folder.candidate());
    assertThat(r.problem()).isNull();
    assertThat(r.validIndexes()).containsExactly("songs_song_name_trgm_idx");
  }

  @Test
  void withFlywaysDefaultTransactionalLockTheConcurrentBuildTimesOut() throws Exception {
    ConnectionSpec db = seeded("advise_prod_trap");
    CandidateFolder folder = written(db, null);
    ProductionMigrationCheck.Result r =
        ProductionMigrationCheck.apply(
            db,
            folder.directory().resolve(CandidateWriter.PRODUCTION_DIR),
            folder.candidate(),
            true);
    assertThat(r.ok()).isFalse();
    assertThat(r.problem()).contains("lock timeout");
  }

  @Test
  void theStagedTestMigrationAppliesWithItsOwnHistoryTable() throws Exception {
    ConnectionSpec db = seeded("advise_stage");
    CandidateFolder folder = written(db, null);
    Path staged = folder.stageMigrations(dir.resolve("staged"));
    assertThat(SchemaMigrator.migrate(db, staged, "indexlab_candidate_history")).isEqualTo(1);
    try (Connection c = db.open()) {
      assertThat(CatalogReader.read(c).index("public", "song_history_user_id_idx")).isPresent();
    }
  }
}
