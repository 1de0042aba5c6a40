package dev.indexlab.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SampleSummaryTest {
  @Test
  void quantilesInterpolateBetweenClosestRanks() {
    double[] sorted = {1, 2, 3, 4};
    assertThat(SampleSummary.quantile(sorted, 0.0)).isEqualTo(1);
    assertThat(SampleSummary.quantile(sorted, 0.25)).isEqualTo(1.75);
    assertThat(SampleSummary.quantile(sorted, 0.5)).isEqualTo(2.5);
    assertThat(SampleSummary.quantile(sorted, 1.0)).isEqualTo(4);
    assertThat(SampleSummary.quantile(new double[] {7}, 0.99)).isEqualTo(7);
  }

  @Test
  void theLowerMedianOfCountsIsAlwaysACountThatWasMeasured() {
    assertThat(SampleSummary.lowerMedian(LongStream.of(40, 10, 30, 20))).isEqualTo(20);
    assertThat(SampleSummary.lowerMedian(LongStream.of(5, 9, 7))).isEqualTo(7);
    assertThat(SampleSummary.lowerMedian(LongStream.empty())).isEqualTo(-1);
  }

  @Test
  void summarizesOneToAHundred() {
    double[] samples = new double[100];
    for (int i = 0; i < 100; i++) {
      samples[99 - i] = i + 1; // unsorted on purpose
    }
    SampleSummary s = SampleSummary.of(samples);
    assertThat(s.n()).isEqualTo(100);
    assertThat(s.mean()).isEqualTo(50.5);
    assertThat(s.stddev()).isCloseTo(Math.sqrt(100 * 101 / 12.0), within(1e-9));
    assertThat(s.min()).isEqualTo(1);
    assertThat(s.p5()).isCloseTo(5.95, within(1e-9));
    assertThat(s.p50()).isEqualTo(50.5);
    assertThat(s.p90()).isCloseTo(90.1, within(1e-9));
    assertThat(s.p95()).isCloseTo(95.05, within(1e-9));
    assertThat(s.p99()).isCloseTo(99.01, within(1e-9));
    assertThat(s.max()).isEqualTo(100);
    assertThat(s.histogram().total()).isEqualTo(100);
    assertThat(samples[0]).isEqualTo(100); // input untouched
  }

  @Test
  void aSingleSampleHasNoSpread() {
    SampleSummary s = SampleSummary.of(new double[] {3.5});
    assertThat(s.stddev()).isZero();
    assertThat(s.p5()).isEqualTo(3.5);
    assertThat(s.p99()).isEqualTo(3.5);
  }

  @Test
  void histogramBinsAreAnchoredAtPowersOfTen() {
    LogHistogram h = LogHistogram.of(new double[] {1, 1.5, 10, 0.1, 0.1}, 10);
    assertThat(h.firstBin()).isEqualTo(-10);
    assertThat(h.size()).isEqualTo(21);
    assertThat(h.count(0)).isEqualTo(2); // 0.1
    assertThat(h.count(10)).isEqualTo(1); // 1
    assertThat(h.count(11)).isEqualTo(1); // 1.5
    assertThat(h.count(20)).isEqualTo(1); // 10
    assertThat(h.total()).isEqualTo(5);
    assertThat(h.lowerEdge(10)).isEqualTo(1.0);
    assertThat(h.upperEdge(10)).isCloseTo(Math.pow(10, 0.1), within(1e-12));
    assertThat(LogHistogram.of(new double[] {0}, 10).firstBin()).isEqualTo(-60);
  }

  @Test
  void medianSortsACopyAndAveragesTheMiddleTwo() {
    double[] values = {4, 1, 3, 2};
    assertThat(SampleSummary.median(values)).isEqualTo(2.5);
    assertThat(values).containsExactly(4, 1, 3, 2);
    assertThat(SampleSummary.median(new double[] {9, 1, 5})).isEqualTo(5);
  }

  @Test
  void histogramQuantilesInterpolateInsideBucketsAndTakePairsAsTheyAre() {
    List<HistogramEntry> buckets =
        List.of(new HistogramEntry(1, 2, 50), new HistogramEntry(2, 4, 50));
    assertThat(LogHistogram.quantile(buckets, 0.5)).isEqualTo(2.0);
    assertThat(LogHistogram.quantile(buckets, 0.75)).isCloseTo(Math.sqrt(8), within(1e-9));
    List<HistogramEntry> values = List.of(HistogramEntry.value(1, 3), HistogramEntry.value(5, 1));
    assertThat(LogHistogram.quantile(values, 0.5)).isEqualTo(1.0);
    assertThat(LogHistogram.quantile(values, 0.99)).isEqualTo(5.0);
    assertThat(LogHistogram.quantile(List.of(), 0.5)).isNaN();
  }

  @Test
  void bucketsListTheNonEmptyBinsWithTheirEdges() {
    LogHistogram h = LogHistogram.of(new double[] {1, 1, 10}, 10);
    List<HistogramEntry> buckets = h.buckets();
    assertThat(buckets)
        .containsExactly(
            new HistogramEntry(1.0, h.upperEdge(0), 2.0),
            new HistogramEntry(h.lowerEdge(10), h.upperEdge(10), 1.0));
    assertThat(LogHistogram.quantile(buckets, 1.0)).isEqualTo(h.upperEdge(10));
  }

  @Test
  void roundTripsThroughJson() throws Exception {
    ObjectMapper json = new ObjectMapper();
    SampleSummary s = SampleSummary.of(new double[] {0.5, 1, 2, 4, 8}, 2);
    String text = json.writeValueAsString(s);
    assertThat(text)
        .startsWith("{\"n\":5,\"mean\":3.1,")
        .endsWith(",\"histogram\":{\"binsPerDecade\":2,\"firstBin\":-1,\"counts\":[1,2,2]}}");
    SampleSummary back = json.readValue(text, SampleSummary.class);
    assertThat(back).isEqualTo(s);
  }

  @Test
  void rejectsEmptyAndInvalidSamples() {
    assertThatThrownBy(() -> SampleSummary.of(new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SampleSummary.of(new double[] {1, -2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-2");
    assertThatThrownBy(() -> SampleSummary.of(new double[] {Double.POSITIVE_INFINITY}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
