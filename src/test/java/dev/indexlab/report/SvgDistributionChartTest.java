package dev.indexlab.report;

import static dev.indexlab.report.SvgFixtures.assertGithubSafe;
import static dev.indexlab.report.SvgFixtures.assertMatchesGolden;
import static dev.indexlab.report.SvgFixtures.parse;
import static dev.indexlab.report.SvgFixtures.textX;
import static dev.indexlab.report.SvgFixtures.withClass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.indexlab.stats.BoxStats;
import dev.indexlab.stats.SampleSummary;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgDistributionChartTest {
  private static SvgDistributionChart sample() {
    return new SvgDistributionChart(
            "Latency distribution of the routes that changed most",
            "Time per call (ms, log scale)",
            List.of("before", "after"))
        .add(
            "/users/delete/{user_id} (POST)",
            new BoxStats(380, 450, 516.8, 590, 700, 910),
            new BoxStats(8.1, 10.2, 12.4, 14.9, 19.5, 31))
        .add(
            "/song/{song_id}/remove (POST)",
            new BoxStats(560, 640, 695, 760, 900, 1200),
            new BoxStats(14, 17, 19.47, 22, 28, 40))
        .add(
            "/playlist/{playlist_id}/play (GET)",
            new BoxStats(21000, 24000, 25890.4, 27500, 30000, 33000),
            new BoxStats(1.2, 1.7, 2.1, 2.6, 3.9, 6.0));
  }

  @Test
  void drawsOneBoxPerRouteAndSeries() throws Exception {
    String svg = sample().render();
    assertGithubSafe(svg);
    Document doc = parse(svg);
    assertThat(withClass(doc, "rect", "box")).hasSize(6);
    assertThat(withClass(doc, "line", "median")).hasSize(6);
    assertThat(withClass(doc, "path", "p99")).hasSize(6);
    assertThat(SvgFixtures.texts(doc)).contains("median 517 ms", "median 2.10 ms", "1", "100,000");
    assertThat(withClass(doc, "rect", "box").get(3).getTextContent())
        .isEqualTo(
            "/users/delete/{user_id} (POST) - after:"
                + " p5 8.10, p25 10.2, p50 12.4, p75 14.9, p95 19.5, p99 31.0 ms");
  }

  @Test
  void positionsFollowTheLogScale() throws Exception {
    String svg =
        new SvgDistributionChart("t", "ms", List.of("only"))
            .add("r", new BoxStats(1, 2, 10, 50, 100, 100))
            .render();
    Document doc = parse(svg);
    double decade = textX(doc, "10") - textX(doc, "1");
    double origin = textX(doc, "0.1");
    Element box = withClass(doc, "rect", "box").get(0);
    assertThat(Double.parseDouble(box.getAttribute("x")))
        .isCloseTo(origin + (1 + Math.log10(2)) * decade, within(0.02));
    assertThat(Double.parseDouble(box.getAttribute("width")))
        .isCloseTo(Math.log10(25) * decade, within(0.02));
    Element median = withClass(doc, "line", "median").get(0);
    assertThat(Double.parseDouble(median.getAttribute("x1")))
        .isCloseTo(origin + 2 * decade, within(0.02));
  }

  @Test
  void acceptsSampleSummariesAndMissingSeries() throws Exception {
    double[] samples = new double[100];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = 1 + i * 0.1;
    }
    String svg =
        new SvgDistributionChart("t & u", "ms", List.of("before", "after"))
            .add("new <route>", null, BoxStats.of(SampleSummary.of(samples)))
            .render();
    assertGithubSafe(svg);
    Document doc = parse(svg);
    assertThat(withClass(doc, "rect", "box")).hasSize(1);
    assertThat(SvgFixtures.texts(doc))
        .contains("no samples", "new <route>", "t & u", "median 5.95 ms");
  }

  @Test
  void sameInputGivesTheSameBytes() throws Exception {
    String svg = sample().render();
    assertThat(sample().render()).isEqualTo(svg);
    assertMatchesGolden("distribution.svg", svg);
  }

  @Test
  void rejectsDecreasingPercentiles() {
    assertThatThrownBy(() -> new BoxStats(1, 3, 2, 4, 5, 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not decrease");
  }
}
