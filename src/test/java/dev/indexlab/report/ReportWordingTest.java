package dev.indexlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.report.ChangeWording.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small pieces the pages are built from: wording, plan facts, layout keys, escaping. */
class ReportWordingTest {
  @Test
  void verdictsFollowTheThresholds() {
    assertThat(ChangeWording.verdict(100, 5, true)).isEqualTo(Verdict.MUCH_FASTER);
    assertThat(ChangeWording.verdict(100, 10, true)).isEqualTo(Verdict.MUCH_FASTER);
    assertThat(ChangeWording.verdict(100, 11, true)).isEqualTo(Verdict.FASTER);
    assertThat(ChangeWording.verdict(100, 11, false)).isEqualTo(Verdict.NO_CHANGE);
    assertThat(ChangeWording.verdict(100, 150, true)).isEqualTo(Verdict.SLOWER);
    assertThat(ChangeWording.verdict(100, 200, true)).isEqualTo(Verdict.MUCH_SLOWER);
    assertThat(ChangeWording.verdict(Double.NaN, 2, true)).isEqualTo(Verdict.MISSING);
    assertThat(ChangeWording.explainVerdict(1.0, 0.95)).isEqualTo(Verdict.NO_CHANGE);
    assertThat(ChangeWording.explainVerdict(0.05, 0.04)).isEqualTo(Verdict.NO_CHANGE);
    assertThat(ChangeWording.explainVerdict(65.261, 1.217)).isEqualTo(Verdict.MUCH_FASTER);
    assertThat(ChangeWording.intervalsApart(10, 0.5, 9, 0.4)).isTrue();
    assertThat(ChangeWording.intervalsApart(10, 0.6, 9, 0.5)).isFalse();
  }

  @Test
  void sentencesCarryTheNumbers() {
    assertThat(ChangeWording.fromTo(65.261, 1.217, Verdict.MUCH_FASTER))
        .isEqualTo("from 65.3 ms to 1.22 ms, a 98.1% improvement");
    assertThat(ChangeWording.fromTo(88.127, 19.472, Verdict.FASTER))
        .isEqualTo("from 88.1 ms to 19.5 ms, a 77.9% improvement");
    assertThat(ChangeWording.fromTo(0.2, 0.3, Verdict.SLOWER))
        .isEqualTo("from 0.200 ms to 0.300 ms, 50.0% slower");
    assertThat(ChangeWording.fromTo(0.2, 0.201, Verdict.NO_CHANGE))
        .isEqualTo("from 0.200 ms to 0.201 ms: no measurable change");
    assertThat(ChangeWording.fromTo(0.2, Double.NaN, Verdict.MISSING))
        .isEqualTo("not comparable: no time after");
    assertThat(ChangeWording.signedMs(1, 1.5)).isEqualTo("+0.500");
    assertThat(ChangeWording.unsignedPercent(0.99984)).isEqualTo("99.98%");
    assertThat(ChangeWording.unsignedPercent(0.999999)).isEqualTo(">99.99%");
    assertThat(ChangeWording.unsignedPercent(1.0)).isEqualTo("100.0%");
    assertThat(ChangeWording.unsignedPercent(-0.5)).isEqualTo("50.0%");
  }

  @Test
  void planTextFactsComeFromThePlanOrAreAbsent() {
    String plan = RunResultsFixture.CASCADE_PLAN_BEFORE;
    assertThat(PlanText.executionMs(plan)).isEqualTo(61.744);
    PlanText.FilteringNode scan = PlanText.mostFiltering(plan).orElseThrow();
    assertThat(scan)
        .isEqualTo(new PlanText.FilteringNode("Seq Scan on song_history", 1187, 917852));
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
        .isEqualTo(new PlanText.FilteringNode("Seq Scan on customers c", 860, 32800));
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
    List<double[]> buckets = List.of(new double[] {1, 2, 50}, new double[] {2, 4, 50});
    assertThat(TimingPercentiles.quantile(buckets, 0.5)).isEqualTo(2.0);
    assertThat(TimingPercentiles.quantile(buckets, 0.75))
        .isCloseTo(Math.sqrt(8), org.assertj.core.data.Offset.offset(1e-9));
    List<double[]> values = List.of(new double[] {1, 3}, new double[] {5, 1});
    assertThat(TimingPercentiles.quantile(values, 0.5)).isEqualTo(1.0);
    assertThat(TimingPercentiles.quantile(values, 0.99)).isEqualTo(5.0);
    assertThat(TimingPercentiles.box(RunResultsFixture.timing(10))).isPresent();
    assertThat(
            TimingPercentiles.box(
                new dev.indexlab.scenario.RunResults.Timing(
                    1, 0, 1, 1, 1, 1, 1, 1, List.of(), null)))
        .isEmpty();
  }
}
