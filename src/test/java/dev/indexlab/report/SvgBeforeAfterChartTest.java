package dev.indexlab.report;

import static dev.indexlab.report.SvgFixtures.assertGithubSafe;
import static dev.indexlab.report.SvgFixtures.assertMatchesGolden;
import static dev.indexlab.report.SvgFixtures.parse;
import static dev.indexlab.report.SvgFixtures.textX;
import static dev.indexlab.report.SvgFixtures.withClass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgBeforeAfterChartTest {
  private static SvgBeforeAfterChart sample() {
    return new SvgBeforeAfterChart(
            "SongStackify: mean time per route",
            "Mean time per call (ms, log scale)",
            List.of("before", "after"))
        .add("/users/delete/{user_id} (POST)", 516.8, 12.4)
        .add("/song/{song_id}/remove (POST)", 695.0, 19.47)
        .add("/song/get_library/ (GET)", 60.2, 0.65)
        .add("/playlist/{playlist_id}/play (GET)", 25890.4, 2.1);
  }

  @Test
  void drawsOneBarPerRouteAndSeries() throws Exception {
    String svg = sample().render();
    assertGithubSafe(svg);
    Document doc = parse(svg);
    assertThat(withClass(doc, "rect", "bar")).hasSize(8);
    assertThat(withClass(doc, "rect", "legend")).hasSize(2);
    assertThat(SvgFixtures.texts(doc))
        .contains("before", "after", "25,890 ms", "0.650 ms", "0.1", "1", "10", "100,000");
    Element first = withClass(doc, "rect", "bar").get(0);
    assertThat(first.getTextContent()).isEqualTo("/users/delete/{user_id} (POST) - before: 517 ms");
  }

  @Test
  void barLengthsFollowTheLogScale() throws Exception {
    String svg =
        new SvgBeforeAfterChart("t", "ms", List.of("only"))
            .add("one", 1.0)
            .add("ten", 10.0)
            .add("hundred", 100.0)
            .render();
    Document doc = parse(svg);
    List<Element> bars = withClass(doc, "rect", "bar");
    double one = width(bars.get(0));
    double hundred = width(bars.get(2));
    double decade = textX(doc, "1") - textX(doc, "0.1");
    assertThat(decade).isGreaterThan(50);
    // the axis starts one decade below the smallest value, at 0.1
    assertThat(one).isCloseTo(decade, within(0.02));
    assertThat(hundred - one).isCloseTo(2 * decade, within(0.02));
    assertThat(width(bars.get(1))).isCloseTo(2 * decade, within(0.02));
    assertThat(Double.parseDouble(bars.get(0).getAttribute("x"))).isEqualTo(textX(doc, "0.1"));
  }

  @Test
  void escapesTextAndSkipsMissingValues() throws Exception {
    String route = "<script>alert(\"x\") & 'y'</script>";
    String svg =
        new SvgBeforeAfterChart("a < b & c", "ms", List.of("before", "after"))
            .add(route, 5.0, null)
            .add("other", Double.NaN, 3.0)
            .render();
    assertGithubSafe(svg);
    Document doc = parse(svg);
    assertThat(SvgFixtures.texts(doc)).contains(route, "a < b & c", "n/a");
    assertThat(withClass(doc, "rect", "bar")).hasSize(2);
  }

  @Test
  void sameInputGivesTheSameBytes() throws Exception {
    String svg = sample().render();
    assertThat(sample().render()).isEqualTo(svg);
    assertMatchesGolden("before-after.svg", svg);
  }

  @Test
  void rejectsAMismatchedRow() {
    SvgBeforeAfterChart chart = new SvgBeforeAfterChart("t", "ms", List.of("before", "after"));
    assertThatThrownBy(() -> chart.add("r", 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 values for 2 series");
    assertThatThrownBy(chart::render).isInstanceOf(IllegalStateException.class);
  }

  private static double width(Element rect) {
    return Double.parseDouble(rect.getAttribute("width"));
  }
}
