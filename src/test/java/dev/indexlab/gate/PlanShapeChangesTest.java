package dev.indexlab.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanShapeChangesTest {
  private static ShapeNode node(
      int depth, String type, String relation, String index, double rows) {
    return new ShapeNode(depth, type, relation, index, rows, null, type + " (line)");
  }

  private static Baseline baseline(List<ShapeNode> nodes) {
    return withSections(List.of(new PlanSection(PlanSection.STATEMENT, nodes)));
  }

  private static Baseline withSections(List<PlanSection> sections) {
    StatementDraw draw = new StatementDraw(1.0, 10, 0, 0, sections, null);
    StatementSnapshot s = new StatementSnapshot(0, "find songs", "SELECT 1", List.of(draw));
    RouteSnapshot r =
        new RouteSnapshot(
            "song_find",
            "find songs",
            "song_find.sql",
            null,
            null,
            null,
            List.of(s),
            Map.of(),
            0,
            null);
    return new Baseline(Baseline.FORMAT, null, List.of(r));
  }

  @Test
  void aNewJoinMethodIsAChangeButRowCountsAreNot() {
    Baseline before =
        baseline(
            List.of(
                node(0, "Hash Join", null, null, 10),
                node(1, "Seq Scan", "songs", null, 100),
                node(1, "Hash", null, null, 5)));
    Baseline sameShapeOtherRows =
        baseline(
            List.of(
                node(0, "Hash Join", null, null, 12.5),
                node(1, "Seq Scan", "songs", null, 99),
                node(1, "Hash", null, null, 5)));
    Baseline merge =
        baseline(
            List.of(
                node(0, "Merge Join", null, null, 10),
                node(1, "Index Scan", "songs", "songs_pkey", 100)));

    assertThat(PlanShapeChanges.between(before, sameShapeOtherRows)).isEmpty();
    List<PlanShapeChanges.Change> changes = PlanShapeChanges.between(before, merge);
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).summary())
        .isEqualTo(
            "`song_find`, statement 1 \"find songs\": plan shape changed: Hash Join, Seq Scan on"
                + " songs, Hash → Merge Join, Index Scan using songs_pkey on songs");
    assertThat(changes.get(0).after())
        .containsExactly("Merge Join", "  Index Scan using songs_pkey on songs");
  }

  @Test
  void cascadesRunInAnotherOrderAreTheSameShape() {
    PlanSection own =
        new PlanSection(PlanSection.STATEMENT, List.of(node(0, "ModifyTable", "users", null, 0)));
    PlanSection history =
        new PlanSection(
            "cascade song_history_user_id_fkey: DELETE FROM song_history",
            List.of(node(0, "Seq Scan", "song_history", null, 3)));
    PlanSection moods =
        new PlanSection(
            "cascade user_moods_user_id_fkey: DELETE FROM user_moods",
            List.of(node(0, "Index Scan", "user_moods", "user_moods_user_id_key", 1)));
    PlanSection historyByIndex =
        new PlanSection(
            "cascade song_history_user_id_fkey: DELETE FROM song_history",
            List.of(node(0, "Index Scan", "song_history", "song_history_user_id_idx", 3)));

    assertThat(
            PlanShapeChanges.between(
                withSections(List.of(own, history, moods)),
                withSections(List.of(own, moods, history))))
        .isEmpty();
    assertThat(
            PlanShapeChanges.between(
                withSections(List.of(own, history, moods)),
                withSections(List.of(own, moods, historyByIndex))))
        .hasSize(1);
  }
}
