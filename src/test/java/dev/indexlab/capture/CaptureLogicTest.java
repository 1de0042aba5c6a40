package dev.indexlab.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placeholder naming, selection by the thresholds, and the triage of statements. */
class CaptureLogicTest {

  private static StatementSelection.Candidate stmt(String sql, long calls, double totalMs) {
    return new StatementSelection.Candidate(
        new CapturedStatement(null, sql, calls, totalMs, -1, List.of()), null);
  }

  private static List<String> sqls(StatementSelection s) {
    return s.chosen().stream().map(c -> c.statement().sql()).toList();
  }

  @Test
  void selectionTakesTheMostTimeFirstUntilTheShareIsCovered() {
    List<StatementSelection.Candidate> all =
        List.of(stmt("c", 100, 5), stmt("a", 10, 60), stmt("b", 1, 30), stmt("d", 50, 5));
    assertThat(sqls(StatementSelection.select(all, 50, 1, 0.95))).containsExactly("a", "b", "c");
    assertThat(sqls(StatementSelection.select(all, 50, 1, 0.60))).containsExactly("a");
    assertThat(sqls(StatementSelection.select(all, 2, 1, 1.0))).containsExactly("a", "b");
    StatementSelection minCalls = StatementSelection.select(all, 50, 5, 1.0);
    assertThat(sqls(minCalls)).containsExactly("a", "c", "d");
    assertThat(minCalls.belowMinCalls()).isEqualTo(1);
    assertThat(minCalls.chosenShare()).isEqualTo(0.7);
    assertThat(StatementSelection.select(all, 50, 1000, 1.0).chosen()).isEmpty();
  }

  @Test
  void placeholdersInStringsCommentsAndDollarQuotesAreLeftAlone() {
    String sql =
        "SELECT '$1', \"$2\", $$ $3 $$, $tag$ $4 $tag$ /* $5 */ -- $6\n"
            + " FROM t WHERE a = $1 AND b = $12::int AND c = E'\\'$7'";
    assertThat(Placeholders.numbers(sql)).containsExactly(1, 12);
    assertThat(Placeholders.named(sql, Map.of(1, "a", 12, "b")))
        .isEqualTo(
            "SELECT '$1', \"$2\", $$ $3 $$, $tag$ $4 $tag$ /* $5 */ -- $6\n"
                + " FROM t WHERE a = :a AND b = :b::int AND c = E'\\'$7'");
    assertThat(Placeholders.numbers("SELECT col$1, $2")).containsExactly(2);
  }

  @Test
  void triageLeavesOutUtilityCatalogAndIndexlabsOwnStatements() {
    assertThat(StatementTriage.of("BEGIN").leftOut()).isEqualTo(StatementTriage.UTILITY);
    assertThat(StatementTriage.of("SELECT relname FROM pg_class WHERE oid = $1").leftOut())
        .isEqualTo(StatementTriage.CATALOG);
    assertThat(StatementTriage.of("SELECT * FROM information_schema.tables").leftOut())
        .isEqualTo(StatementTriage.CATALOG);
    assertThat(StatementTriage.of("SELECT * FROM indexlab_seed_info").leftOut())
        .isEqualTo(StatementTriage.OWN);
    assertThat(StatementTriage.of("SELECT $1").leftOut()).isEqualTo(StatementTriage.NO_TABLE);
    StatementTriage.Verdict kept = StatementTriage.of("DELETE FROM users WHERE id = $1");
    assertThat(kept.leftOut()).isNull();
    assertThat(kept.parsed().verb()).isEqualTo("DELETE");
    StatementTriage.Verdict unread =
        StatementTriage.of("SELECT xmlelement(name s, song_name) FROM songs WHERE id = $1");
    assertThat(unread.leftOut()).isNull();
    assertThat(unread.parseError()).startsWith("JSqlParser could not read it: ");
    assertThat(StatementTriage.of("SELECT 1 FROM t; DROP TABLE t").parseError())
        .isEqualTo("holds more than one statement");
  }
}
