package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.advise.Advice;
import dev.indexlab.advise.Advising;
import dev.indexlab.advise.Candidate;
import dev.indexlab.advise.CandidateFolder;
import dev.indexlab.advise.CandidateWriter;
import dev.indexlab.advise.Catalog;
import dev.indexlab.advise.CatalogReader;
import dev.indexlab.advise.ProductionMigrationCheck;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.PgVersion;
import dev.indexlab.schema.MissingFunctionHint;
import dev.indexlab.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What depends on the server's version, once on every supported version (14 to 18), kept to one
 * quick pass each: the SongStackify schema's Flyway migrations, the catalog queries the advisor
 * reads, EXPLAIN with the options indexlab sends (with and without ANALYZE) and its text next to
 * the renderer's, a production migration ({@code CREATE INDEX CONCURRENTLY} under Flyway), and that
 * the functions {@link MissingFunctionHint} lists exist exactly from their version on.
 * PlanTextServerIT compares many more plan shapes on 14, 17 and 18.
 */
class SupportedVersionsIT {
  private static final String JOIN =
      "SELECT s.song_name FROM song_history h JOIN songs s ON s.id = h.song_id"
          + " WHERE h.user_id = 3 ORDER BY s.song_name";

  @TempDir Path dir;

  @ParameterizedTest(name = "PostgreSQL {0}")
  @EnumSource(PgVersion.class)
  void schemaCatalogExplainAndProductionMigrationWorkOn(PgVersion version) throws Exception {
    ConnectionSpec db = TestDatabases.songstackifySchema(version, "versions");
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      assertThat(c.getMetaData().getDatabaseMajorVersion()).isEqualTo(version.major());
      st.execute(
          "INSERT INTO platforms (id, platform_name, platform_url) VALUES (1, 's', 'x%');"
              + "INSERT INTO users (id, password) SELECT g, 'h' FROM generate_series(1, 20) g;"
              + "INSERT INTO songs (id, song_name, artist, album)"
              + " SELECT g, 'song ' || g, 'a', 'b' FROM generate_series(1, 200) g;"
              + "INSERT INTO song_history (user_id, song_id)"
              + " SELECT 1 + g % 20, 1 + g % 200 FROM generate_series(1, 2000) g;");
      st.execute("VACUUM ANALYZE");

      for (Map.Entry<String, Integer> f : MissingFunctionHint.firstVersions().entrySet()) {
        try (PreparedStatement ps =
            c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_proc WHERE proname = ?)")) {
          ps.setString(1, f.getKey());
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getBoolean(1))
                .as("%s() is listed as new in PostgreSQL %d", f.getKey(), f.getValue())
                .isEqualTo(f.getValue() <= version.major());
          }
        }
      }

      Catalog catalog = CatalogReader.read(c);
      assertThat(catalog.table("public", "song_history")).isPresent();
      assertThat(catalog.foreignKeys()).isNotEmpty();
      assertThat(catalog.indexes()).isNotEmpty();

      StatementExplainer explainer = new StatementExplainer();
      ExplainResult estimate = explainer.explain(c, JOIN, List.of(), false);
      assertThat(estimate.succeeded()).as(estimate.failureSummary()).isTrue();
      c.setAutoCommit(false);
      List<String> expected = List.of();
      List<String> actual = List.of();
      for (int attempt = 0;
          attempt < 3 && (expected.isEmpty() || !expected.equals(actual));
          attempt++) {
        explainer.explain(c, JOIN, List.of(), true);
        expected = TimingMask.mask(serverText(c));
        ExplainResult analyzed = explainer.explain(c, JOIN, List.of(), true);
        assertThat(analyzed.succeeded()).as(analyzed.failureSummary()).isTrue();
        actual =
            TimingMask.mask(PlanTextRenderer.lines(analyzed.plan(), PlanTextRenderer.Options.ALL));
      }
      assertThat(actual).containsExactlyElementsOf(expected);
      c.rollback();
      c.setAutoCommit(true);

      Advice advice = Advising.advise(catalog, List.of(), Optional.empty());
      Candidate fk =
          advice.candidates().stream()
              .filter(x -> x.name().equals("idx_song_history_user_id"))
              .findFirst()
              .orElseThrow();
      CandidateFolder folder =
          new CandidateWriter(dir.resolve("candidates"), CandidateWriter.DEFAULT_VERSION_BASE)
              .write(List.of(fk), Map.of())
              .written()
              .get(0);
      ProductionMigrationCheck.Result r =
          ProductionMigrationCheck.apply(
              db, folder.directory().resolve(CandidateWriter.PRODUCTION_DIR), folder.candidate());
      assertThat(r.problem()).isNull();
      assertThat(r.validIndexes()).containsExactly("song_history_user_id_idx");
    }
  }

  private static List<String> serverText(Connection c) throws SQLException {
    Savepoint sp = c.setSavepoint();
    List<String> lines = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS, SETTINGS, WAL) " + JOIN)) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    } finally {
      c.rollback(sp);
    }
    return lines;
  }
}
