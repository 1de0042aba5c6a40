package dev.indexlab.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.explain.FindingDetector;
import dev.indexlab.explain.FindingsFile;
import dev.indexlab.explain.PlanJsonParser;
import dev.indexlab.results.Finding;
import dev.indexlab.results.FindingKind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Advice from a findings file: what advise --findings reads acts as the in-memory hand-off does
 * (the reader's refusals are explain's {@code FindingsFileTest}).
 */
class AdviceFromFindingsFileTest {
  @TempDir Path dir;

  static final CatalogTable ORDERS =
      AdvisorRulesTest.table("orders", 5_000, "id", "order_date", "employee_id", "amount");

  /** The explain step's findings of a captured plan (src/test/resources/plans). */
  static List<Finding> findingsOf(String plan) throws Exception {
    try (InputStream in =
        AdviceFromFindingsFileTest.class.getResourceAsStream("/plans/" + plan + ".json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new FindingDetector().detect(PlanJsonParser.parse(json), List.of(), "by_employee", 0);
    }
  }

  /** The advisor's input from the findings file {@code file}, as advise --findings reads it. */
  private static List<PlanFinding> read(Path file) {
    return ExplainFindings.of(FindingsFile.read(file));
  }

  @Test
  void readsTheExplainStepsFindingsAndActsOnTheThreeKindsItKnows() throws Exception {
    Path file = dir.resolve("findings.json");
    Files.writeString(file, SalesSchema.resource("explain-findings.json"));
    List<PlanFinding> findings = read(file);
    assertThat(findings)
        .extracting(PlanFinding::kind)
        .containsExactly(
            FindingKind.TRIGGER_DOMINATES,
            FindingKind.SEQ_SCAN_REMOVES_MOST_ROWS,
            FindingKind.FILTER_ORDER_LIMIT,
            FindingKind.LEADING_WILDCARD_LIKE);
    PlanFinding scan = findings.get(1);
    assertThat(scan.equalityColumns()).containsExactly("user_id");
    assertThat(scan.trigger()).isEqualTo("song_history_user_id_fkey");
    assertThat(scan.numbers()).containsEntry("rowsRemoved", 918892.0);
    PlanFinding order = findings.get(2);
    assertThat(order.equalityColumns()).containsExactly("user_id");
    assertThat(order.sortKeys()).containsExactly(new IndexKey("created_at", true, null));
    assertThat(findings.get(3).likeColumns()).containsExactly("song_name", "artist");

    Catalog catalog =
        new Catalog(
            List.of(AdvisorRulesTest.HISTORY, AdvisorRulesTest.SONGS),
            List.of(),
            List.of(),
            Map.of("pg_trgm", "1.6"));
    Advice advice = Advising.advise(catalog, findings, Optional.empty());
    assertThat(advice.candidates())
        .extracting(Candidate::name)
        .containsExactly("idx_song_history_user_id_created_at", "trgm_songs_song_name_artist");
    assertThat(advice.candidates().get(0).reasons().get(0).comment())
        .contains("trigger song_history_user_id_fkey")
        .contains("removes 918,892 rows to keep 152");
  }

  /**
   * The findings.json that explain and run write is what advise --findings reads: the same advisor
   * input as the in-memory hand-off, and the equality column first in the index.
   */
  @Test
  void theFileExplainWritesGivesTheSameAdviceAsTheInMemoryHandOff() throws Exception {
    List<Finding> findings = new ArrayList<>(findingsOf("seq-scan-equality-range"));
    findings.addAll(findingsOf("external-sort"));
    Path json = FindingsFile.write(dir, "baseline", findings);
    assertThat(FindingsFile.read(json)).isEqualTo(findings);

    List<PlanFinding> fromFile = read(json);
    assertThat(fromFile).isEqualTo(ExplainFindings.of(findings));
    assertThat(fromFile.get(0).equalityColumns()).containsExactly("employee_id");
    assertThat(fromFile.get(0).rangeColumns()).containsExactly("order_date");

    Catalog catalog = new Catalog(List.of(ORDERS), List.of(), List.of(), Map.of());
    Advice advice = Advising.advise(catalog, fromFile, Optional.empty());
    assertThat(advice.candidates())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.name()).isEqualTo("idx_orders_employee_id_order_date");
              assertThat(c.reasons().get(0).comment())
                  .contains("filters on employee_id = ?, a range of order_date")
                  .contains("an index on (employee_id, order_date)");
            });
  }
}
