package dev.indexlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.report.ChangeWording.Verdict;
import dev.indexlab.results.RunResults.Rule;
import dev.indexlab.results.RunResults.Timing;
import dev.indexlab.stats.Significance.Change;
import dev.indexlab.stats.Significance.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small pieces the pages are built from: wording, plan facts, layout keys, escaping. */
class ReportWordingTest {
  private static Change change(double before, double after, Direction d) {
    return new Change(
        before, after, after / before, after / before, after / before, 0.0001, 200, 200, d);
  }

  @Test
  void verdictsComeFromTheRulesDirectionAndTheMediansSize() {
    assertThat(ChangeWording.verdict(change(100, 5, Direction.FASTER)))
        .isEqualTo(Verdict.MUCH_FASTER);
    assertThat(ChangeWording.verdict(change(100, 10, Direction.FASTER)))
        .isEqualTo(Verdict.MUCH_FASTER);
    assertThat(ChangeWording.verdict(change(100, 11, Direction.FASTER))).isEqualTo(Verdict.FASTER);
    assertThat(ChangeWording.verdict(change(100, 11, Direction.UNCHANGED)))
        .isEqualTo(Verdict.NO_CHANGE);
    assertThat(ChangeWording.verdict(change(100, 150, Direction.SLOWER))).isEqualTo(Verdict.SLOWER);
    assertThat(ChangeWording.verdict(change(100, 200, Direction.SLOWER)))
        .isEqualTo(Verdict.MUCH_SLOWER);
    assertThat(ChangeWording.verdict(null)).isEqualTo(Verdict.NOT_COMPARED);
  }

  @Test
  void muchFasterIsWordedFromTheThresholdItsVerdictUses() {
    double percent = Double.parseDouble(ChangeWording.muchFasterPercent());
    assertThat(percent).isEqualTo(100 * ChangeWording.MUCH_FASTER_DROP);
    assertThat(ChangeWording.verdict(change(100, 100 - percent, Direction.FASTER)))
        .isEqualTo(Verdict.MUCH_FASTER);
    assertThat(ChangeWording.verdict(change(100, 100 - percent + 0.5, Direction.FASTER)))
        .isEqualTo(Verdict.FASTER);
  }

  @Test
  void explainVerdictsUseTheRunsMargins() {
    ChangeWording w = new ChangeWording(new Rule(0.20, 0.05, 0.10, 0.5));
    assertThat(w.explainVerdict(1.0, 0.85)).isEqualTo(Verdict.NO_CHANGE);
    assertThat(w.explainVerdict(1.0, 0.75)).isEqualTo(Verdict.FASTER);
    assertThat(w.explainVerdict(0.2, 0.1)).isEqualTo(Verdict.FASTER);
    assertThat(w.explainVerdict(0.1, 0.06)).isEqualTo(Verdict.NO_CHANGE);
    assertThat(w.explainVerdict(1.0, 1.15)).isEqualTo(Verdict.SLOWER);
    assertThat(w.explainVerdict(65.261, 1.217)).isEqualTo(Verdict.MUCH_FASTER);
    assertThat(w.explainVerdict(Double.NaN, 1)).isEqualTo(Verdict.MISSING);
    ChangeWording strict = new ChangeWording(new Rule(0.5, 1, 0.5, 0.5));
    assertThat(strict.explainVerdict(1.0, 0.75)).isEqualTo(Verdict.NO_CHANGE);
    assertThat(strict.ruleSentence()).contains("at least 1.00 ms per call").contains("from 50%");
  }

  @Test
  void timingsWithoutSamplesAreNotCompared() {
    ChangeWording w = new ChangeWording(null);
    Timing none = new Timing(1, 0.1, 1, 1, 1, 1, 1, 10, List.of(), null, null);
    assertThat(w.compare(none, none)).isNull();
    double[] a = new double[200];
    double[] b = new double[200];
    for (int i = 0; i < 200; i++) {
      a[i] = 10 + (i % 7) * 0.01;
      b[i] = 0.5 + (i % 5) * 0.01;
    }
    Timing before = new Timing(10, 0.1, 10, 10, 10, 10, 10, 200, List.of(), null, a);
    Timing after = new Timing(1, 0.1, 1, 1, 1, 1, 1, 200, List.of(), null, b);
    assertThat(ChangeWording.verdict(w.compare(before, after))).isEqualTo(Verdict.MUCH_FASTER);
    assertThat(ChangeWording.verdict(w.compare(before, before))).isEqualTo(Verdict.NO_CHANGE);
  }

  @Test
  void sentencesCarryTheNumbers() {
    assertThat(ChangeWording.fromTo(65.261, 1.217, Verdict.MUCH_FASTER))
        .isEqualTo("from 65.3 ms to 1.22 ms, a 98.1% improvement");
    assertThat(ChangeWording.fromTo(88.127, 19.472, Verdict.FASTER))
        .isEqualTo("from 88.1 ms to 19.5 ms, a 77.9% improvement");
    // "an" where the number is read with a vowel sound
    assertThat(ChangeWording.fromTo(1.13, 0.208, Verdict.MUCH_FASTER))
        .isEqualTo("from 1.13 ms to 0.208 ms, an 81.6% improvement");
    assertThat(ChangeWording.fromTo(100, 89, Verdict.FASTER))
        .isEqualTo("from 100 ms to 89.0 ms, an 11.0% improvement");
    assertThat(ChangeWording.article("18.2")).isEqualTo("an");
    assertThat(ChangeWording.article("1.5")).isEqualTo("a");
    assertThat(ChangeWording.fromTo(0.2, 0.3, Verdict.SLOWER))
        .isEqualTo("from 0.200 ms to 0.300 ms, 50.0% slower");
    assertThat(ChangeWording.fromTo(0.2, 0.201, Verdict.NO_CHANGE))
        .isEqualTo("from 0.200 ms to 0.201 ms: no measurable change");
    assertThat(ChangeWording.fromTo(0.2, Double.NaN, Verdict.MISSING))
        .isEqualTo("not comparable: no time after");
    assertThat(ChangeWording.fromTo(392, 0.061, Verdict.MUCH_FASTER))
        .isEqualTo("from 392 ms to 0.061 ms, a 99.98% improvement");
    assertThat(ChangeWording.signedMs(1, 1.5)).isEqualTo("+0.500");
    // the change column is the difference of the printed figures, never "-0.00081"
    assertThat(ChangeWording.signedMs(0.10581, 0.105)).isEqualTo("-0.001");
    assertThat(ChangeWording.signedMs(0.106, 0.106)).isEqualTo("0.000");
    assertThat(ChangeWording.signedMs(63.2, 0.718)).isEqualTo("-62.5");
    assertThat(ChangeWording.share(0.99984)).isEqualTo("99.98%");
    assertThat(ChangeWording.share(0.999999)).isEqualTo("99.9999%");
    assertThat(ChangeWording.share(1.0)).isEqualTo("100.0%");
    assertThat(ChangeWording.signedPercent(0.106, 0.105)).isEqualTo("-0.9%");
  }

  /** A parallel scan: rows per process times the processes, and no time summed over them. */
  @Test
  void aParallelScanIsCountedAsPostgresCountsIt() {
    String plan =
        """
        Finalize Aggregate  (cost=12573.53..12573.54 rows=1 width=8) (actual time=34.469..34.608 rows=1 loops=1)
          ->  Gather  (cost=12573.31..12573.52 rows=2 width=8) (actual time=33.216..34.599 rows=3 loops=1)
                Workers Planned: 2
                Workers Launched: 2
                ->  Partial Aggregate  (cost=11573.31..11573.32 rows=1 width=8) (actual time=27.651..27.652 rows=1 loops=3)
                      ->  Parallel Seq Scan on song_history  (cost=0.00..11570.66 rows=1060 width=0) (actual time=0.048..27.581 rows=806 loops=3)
                            Filter: (user_id = '731'::bigint)
                            Rows Removed by Filter: 305541
        Planning Time: 0.072 ms
        Execution Time: 34.632 ms""";
    PlanText.FilteringNode scan = PlanText.mostFiltering(plan).orElseThrow();
    assertThat(scan.parallel()).isTrue();
    assertThat(scan.rows()).isEqualTo(806 * 3);
    assertThat(scan.removed()).isEqualTo(305541L * 3);
    assertThat(StatementFacts.filterSentence(scan))
        .contains("run by 3 processes (the leader and 2 workers), reads about 919,041 rows")
        .contains("to keep about 2,418")
        .doesNotContain("82.7");
  }

  @Test
  void planTextFactsComeFromThePlanOrAreAbsent() {
    String plan = RunResultsFixture.CASCADE_PLAN_BEFORE;
    assertThat(PlanText.executionMs(plan)).isEqualTo(61.744);
    PlanText.FilteringNode scan = PlanText.mostFiltering(plan).orElseThrow();
    assertThat(scan)
        .isEqualTo(new PlanText.FilteringNode("Seq Scan on song_history", 1187, 917852, 1));
    assertThat(StatementFacts.filterSentence(scan))
        .isEqualTo(
            "the Seq Scan on `song_history` reads 919,039 rows and its filter throws away 917,852"
                + " (99.9%) to keep 1,187.");
    assertThat(PlanText.mostFiltering(RunResultsFixture.CASCADE_PLAN_AFTER)).isEmpty();
    assertThat(PlanText.executionMs("Result  (cost=0.00..0.01 rows=1 width=4)")).isNaN();
    assertThat(PlanText.sortSpillKb(RunResultsFixture.PLAY_PLAN_BEFORE)).isEqualTo(6744);
    assertThat(StatementFacts.operation(RunResultsFixture.DELETE_PLAN_BEFORE))
        .isEqualTo("the delete");
  }

  @Test
  void postgres18FractionalRowCountsAreRead() {
    String plan =
        String.join(
            "\n",
            "Nested Loop  (cost=0.00..454.50 rows=40 width=53)"
                + " (actual time=0.020..1.200 rows=40.00 loops=1)",
            "  ->  Seq Scan on customers c  (cost=0.00..5.00 rows=300 width=22)"
                + " (actual time=0.001..0.020 rows=21.50 loops=40)",
            "        Rows Removed by Filter: 820",
            "Execution Time: 1.300 ms");
    assertThat(PlanText.mostFiltering(plan).orElseThrow())
        .isEqualTo(new PlanText.FilteringNode("Seq Scan on customers c", 860, 32800, 40));
  }

  @Test
  void routeNamesMatchTheWriteupRowsWhateverTheMethodStyle() {
    assertThat(WriteupLayout.key("POST /users/delete/{user_id}"))
        .isEqualTo(WriteupLayout.key("/users/delete/{id} (POST)"));
    assertThat(WriteupLayout.rowOf("POST /users/create")).isZero();
    assertThat(WriteupLayout.rowOf("GET /song/{song_id}/play (With Ad)")).isEqualTo(8);
    assertThat(WriteupLayout.rowOf("GET /song/{song_id}/play (No Ad)")).isEqualTo(7);
    assertThat(WriteupLayout.rowOf("GET /song/get_library")).isEqualTo(3);
    assertThat(WriteupLayout.rowOf("GET /song/search/{query}")).isEqualTo(-1);
    assertThat(WriteupLayout.rowOf("mood refresh (background job)")).isEqualTo(-1);
  }

  @Test
  void textIsEscapedForGitHub() {
    assertThat(MarkdownText.text("song_history a*b $1 <b> x < 5 [x] _x_"))
        .isEqualTo("song_history a\\*b \\$1 &lt;b> x < 5 \\[x\\] \\_x\\_");
    assertThat(MarkdownText.code("a `b` c")).isEqualTo("``a `b` c``");
    assertThat(MarkdownText.planLine("    ->  Seq Scan"))
        .isEqualTo("\u00a0\u00a0\u00a0\u00a0->  Seq Scan");
    assertThat(MarkdownText.encodePath("plans/a b/{x}.json")).isEqualTo("plans/a%20b/%7Bx%7D.json");
    assertThat(MarkdownText.codeBlock("sql", "SELECT 1;\n")).isEqualTo("```sql\nSELECT 1;\n```\n");
  }

  @Test
  void boxesComeFromTheHistogramAndJmhPercentiles() {
    assertThat(RunResultsFixture.timing(10).box()).isPresent();
    assertThat(new Timing(1, 0, 1, 1, 1, 1, 1, 1, List.of(), null, null).box()).isEmpty();
  }
}
