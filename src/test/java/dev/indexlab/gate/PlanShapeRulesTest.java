package dev.indexlab.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.explain.PlanJsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanShapeRulesTest {
  static final Map<String, Long> ROWS = Map.of("song_history", 919_039L, "users", 911L);

  final PlanShapeRules rules = new PlanShapeRules(GateThresholds.defaults());

  @Test
  void anIndexScanThatBecameASeqScanOnALargeTableFailsWithThePlanLines() {
    StatementSnapshot before = GateFixtures.deleteUserWith("writeup-song-history-bitmap", 30);
    StatementSnapshot after = GateFixtures.deleteUserWith("writeup-song-history-seq-scan", 30);

    List<GateFinding> found = rules.regressions(before, after, ROWS);

    assertThat(found).hasSize(1);
    GateFinding f = found.get(0);
    assertThat(f.kind()).isEqualTo(GateFinding.Kind.PLAN);
    assertThat(f.statement()).isEqualTo("statement 2 \"delete the user\"");
    assertThat(f.summary()).isEqualTo("Bitmap Heap Scan → Seq Scan on song_history");
    assertThat(f.message())
        .isEqualTo(
            "Bitmap Heap Scan → Seq Scan on song_history (919,039 rows);"
                + " index song_history_user_id no longer used");
    assertThat(f.before().get(0)).isEqualTo(GateFixtures.CASCADE);
    assertThat(f.before().get(1)).startsWith("  Bitmap Heap Scan on song_history  (cost=");
    assertThat(f.before().get(2)).startsWith("      ->  Bitmap Index Scan on song_history_user_id");
    assertThat(f.after()).hasSize(2);
    assertThat(f.after().get(1)).startsWith("  Seq Scan on song_history  (cost=0.00..18262.05");
  }

  @Test
  void theEvidenceComesFromOneDraw() {
    StatementDraw bitmap =
        GateFixtures.draw(
            30,
            GateFixtures.statement(GateFixtures.plan("writeup-delete-user")),
            GateFixtures.cascade(GateFixtures.plan("writeup-song-history-bitmap")));
    StatementDraw deeper =
        GateFixtures.draw(
            30,
            GateFixtures.statement(GateFixtures.plan("writeup-delete-user")),
            new PlanSection(
                GateFixtures.CASCADE,
                PlanShapes.nodes(GateFixtures.plan("writeup-song-history-bitmap")).stream()
                    .map(
                        n ->
                            new ShapeNode(
                                n.depth() + 1,
                                n.nodeType(),
                                n.relation(),
                                n.index(),
                                n.rows(),
                                n.spill(),
                                "deeper " + n.line()))
                    .toList()));
    StatementSnapshot before = GateFixtures.deleteUser(bitmap, deeper);
    StatementSnapshot after = GateFixtures.deleteUserWith("writeup-song-history-seq-scan", 30);

    GateFinding f = rules.regressions(before, after, ROWS).get(0);

    assertThat(f.before()).hasSize(3).noneMatch(l -> l.contains("deeper"));
  }

  @Test
  void aSeqScanOfASmallTableIsNotARegression() {
    StatementSnapshot before = GateFixtures.deleteUserWith("writeup-song-history-bitmap", 30);
    StatementSnapshot after = GateFixtures.deleteUserWith("writeup-song-history-seq-scan", 30);

    List<GateFinding> found = rules.regressions(before, after, Map.of("song_history", 500L));

    // the lost index still fails; the scan of a 500-row table does not
    assertThat(found)
        .extracting(GateFinding::summary)
        .containsExactly("index song_history_user_id no longer used");
  }

  @Test
  void anIndexNoLongerUsedFailsEvenWhenAnotherIndexServesTheTable() {
    String other =
        GateFixtures.json("writeup-song-history-bitmap")
            .replace("\"song_history_user_id\"", "\"song_history_user_id_played_at\"");
    StatementSnapshot before = GateFixtures.deleteUserWith("writeup-song-history-bitmap", 30);
    StatementSnapshot after =
        GateFixtures.deleteUser(
            GateFixtures.draw(
                30,
                GateFixtures.statement(GateFixtures.plan("writeup-delete-user")),
                GateFixtures.cascade(PlanJsonParser.parse(other))));

    List<GateFinding> found = rules.regressions(before, after, ROWS);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).message())
        .isEqualTo(
            "index song_history_user_id no longer used (song_history now: Bitmap Heap Scan)");
    assertThat(found.get(0).after())
        .anyMatch(l -> l.contains("Bitmap Index Scan on song_history_user_id_played_at"));
  }

  @Test
  void aNewSortSpillingToDiskFails() {
    StatementSnapshot before =
        statementOf(GateFixtures.statement(GateFixtures.plan("hash-aggregate")));
    StatementSnapshot after =
        statementOf(GateFixtures.statement(GateFixtures.plan("external-sort")));

    List<GateFinding> found =
        rules.regressions(before, after, Map.of("orders", 100L, "customers", 100L));

    assertThat(found).extracting(GateFinding::summary).containsExactly("new Sort spilling to disk");
    assertThat(found.get(0).before().get(0)).startsWith("Sort  (cost=");
    assertThat(found.get(0).after().get(0)).startsWith("Sort  (cost=");
    assertThat(found.get(0).after().get(1)).startsWith("  Sort Method: external merge  Disk: ");
    assertThat(rules.improvements(after, before, Map.of()))
        .containsExactly("Sort no longer spills to disk");
  }

  @Test
  void theSamePlansFindNothing() {
    StatementSnapshot before = GateFixtures.deleteUserWith("writeup-song-history-seq-scan", 30);
    StatementSnapshot after = GateFixtures.deleteUserWith("writeup-song-history-seq-scan", 30);

    assertThat(rules.regressions(before, after, ROWS)).isEmpty();
    assertThat(rules.improvements(before, after, ROWS)).isEmpty();
  }

  @Test
  void aSeqScanThatBecameAnIndexScanIsAnImprovement() {
    StatementSnapshot before = GateFixtures.deleteUserWith("writeup-song-history-seq-scan", 30);
    StatementSnapshot after = GateFixtures.deleteUserWith("writeup-song-history-bitmap", 30);

    assertThat(rules.regressions(before, after, ROWS)).isEmpty();
    assertThat(rules.improvements(before, after, ROWS))
        .containsExactly("Seq Scan → Bitmap Heap Scan on song_history");
  }

  @Test
  void plansAreUnitedOverTheDraws() {
    // one draw used the index, the other scanned: a plan that depends on the value
    StatementDraw indexed =
        GateFixtures.draw(
            30,
            GateFixtures.statement(GateFixtures.plan("writeup-delete-user")),
            GateFixtures.cascade(GateFixtures.plan("writeup-song-history-bitmap")));
    StatementDraw scanned =
        GateFixtures.draw(
            30,
            GateFixtures.statement(GateFixtures.plan("writeup-delete-user")),
            GateFixtures.cascade(GateFixtures.plan("writeup-song-history-seq-scan")));
    StatementSnapshot mixed = GateFixtures.deleteUser(indexed, scanned);

    assertThat(rules.regressions(mixed, GateFixtures.deleteUser(scanned, indexed), ROWS)).isEmpty();
    assertThat(mixed.indexesUsed()).containsExactly("users_pkey", "song_history_user_id");
  }

  private static StatementSnapshot statementOf(PlanSection section) {
    return new StatementSnapshot(
        0, "report", "SELECT ...", List.of(GateFixtures.draw(10, section)));
  }
}
