package dev.indexlab.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsFileTest {
  @TempDir Path dir;

  @Test
  void readsTheExplainStepsFindingsAndActsOnTheThreeKindsItKnows() throws Exception {
    List<PlanFinding> findings = FindingsFile.parse(SalesSchema.resource("explain-findings.json"));
    assertThat(findings)
        .extracting(PlanFinding::kind)
        .containsExactly(
            FindingKind.OTHER,
            FindingKind.SEQ_SCAN_REMOVES_MOST_ROWS,
            FindingKind.FILTER_ORDER_LIMIT,
            FindingKind.LEADING_WILDCARD_LIKE);
    PlanFinding scan = findings.get(1);
    assertThat(scan.equalityColumns()).containsExactly("user_id");
    assertThat(scan.trigger()).isEqualTo("song_history_user_id_fkey");
    assertThat(scan.numbers()).containsEntry("rowsRemoved", 918892.0);
    PlanFinding order = findings.get(2);
    assertThat(order.equalityColumns()).containsExactly("user_id");
    assertThat(order.sortKeys()).containsExactly(IndexKey.desc("created_at"));
    assertThat(findings.get(3).likeColumns()).containsExactly("song_name", "artist");

    Catalog catalog =
        new Catalog(
            List.of(AdvisorRulesTest.HISTORY, AdvisorRulesTest.SONGS),
            List.of(),
            List.of(),
            Map.of("pg_trgm", "1.6"));
    Advice advice = Advisor.advise(catalog, findings, Optional.empty());
    assertThat(advice.candidates())
        .extracting(Candidate::name)
        .containsExactly("idx_song_history_user_id_created_at", "trgm_songs_song_name_artist");
    assertThat(advice.candidates().get(0).reasons().get(0).comment())
        .contains("trigger song_history_user_id_fkey")
        .contains("removes 918,892 rows to keep 152");
  }

  @Test
  void roundTripsItsOwnFormatAndRejectsOtherFiles() throws Exception {
    PlanFinding f =
        PlanFinding.orderLimit(
            "public",
            "song_history",
            List.of("user_id"),
            List.of(IndexKey.desc("created_at")),
            "mood_refresh",
            1,
            "/0/Plan",
            Map.of("rowsSorted", 1012.0));
    Path file = dir.resolve("findings.json");
    FindingsFile.write(file, List.of(f));
    assertThat(FindingsFile.read(file)).containsExactly(f);

    Files.writeString(file, "{\"not\": \"an array\"}");
    assertThatThrownBy(() -> FindingsFile.read(file))
        .isInstanceOf(IndexlabException.class)
        .hasMessageContaining("not a findings file");
  }
}
