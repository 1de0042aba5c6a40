package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.Json;
import dev.indexlab.results.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingReportTest {
  private final List<Finding> findings =
      new FindingDetector(FindingThresholds.DEFAULTS, relation -> "public")
          .detect(Fixtures.plan("sort-limit"), List.of(), "song_search", 0);

  /** The findings in {@code json}, failing on any field the record does not have. */
  static List<Finding> readStrictly(String json) throws Exception {
    return List.of(Json.strictReader(Finding[].class).<Finding[]>readValue(json));
  }

  @Test
  void jsonRoundTrips() throws Exception {
    String json = FindingReport.json(findings);
    assertThat(json).contains("\"kind\" : \"FILTER_ORDER_LIMIT\"", "\"routeId\" : \"song_search\"");
    assertThat(readStrictly(json)).isEqualTo(findings);
  }

  @Test
  void markdownIsOneLinePerFinding() {
    String md = FindingReport.markdown(findings);
    assertThat(md.lines()).hasSize(findings.size());
    assertThat(md)
        .contains(
            "- **FILTER_ORDER_LIMIT** public.orders (customer_id, amount), route song_search #0: ");
    assertThat(FindingReport.text(findings)).doesNotContain("**");
    assertThat(FindingReport.markdown(List.of())).isEqualTo("No findings.\n");
  }
}
