package dev.indexlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.Setting;
import dev.indexlab.results.RunResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds the sample report from the results fixture and finds, for every number a page prints,
 * the results field it came from: a figure the writer computes wrongly (a per-process time times
 * the processes, a mean beside a median's verdict, a percentage rounded to 100) fails the build.
 */
class ReportNumbersTest {
  @TempDir static Path temp;

  private static RunResults results;
  private static Path out;
  private static List<String> pages;

  @BeforeAll
  static void writeReport() throws IOException {
    results = RunResultsFixture.results();
    Path resultsDir = temp.resolve("results");
    RunResultsJson.write(results, resultsDir.resolve(RunResultsJson.FILE_NAME));
    RunResultsFixture.writePlanFiles(results, resultsDir);
    out = temp.resolve("reports");
    pages = new ArrayList<>();
    for (String f : new ReportWriter(results, resultsDir, Setting::toString).writeTo(out)) {
      if (f.endsWith(".md")) {
        pages.add(f);
      }
    }
  }

  @Test
  void everyNumberOnEveryPageComesFromTheResults() throws IOException {
    PageNumbers numbers = new PageNumbers(results);
    List<String> unexplained = new ArrayList<>();
    for (String page : pages) {
      String md = Files.readString(out.resolve(page), StandardCharsets.UTF_8);
      numbers.unexplained(md).forEach(n -> unexplained.add(page + ": " + n));
    }
    assertThat(pages).contains("README.md", "routes.md", "song_history_user_id.md");
    assertThat(unexplained).isEmpty();
  }

  @Test
  void aFigureNoFieldAccountsForIsCaught() throws IOException {
    PageNumbers numbers = new PageNumbers(results);
    String md = Files.readString(out.resolve("README.md"), StandardCharsets.UTF_8);
    // the old defects: a parallel scan's time summed over three processes, a drop read as 100%
    String wrong = md + "\nThe scan took 246.9 ms in all, a 100.00% improvement of 806.3 rows.\n";
    assertThat(numbers.unexplained(wrong))
        .anyMatch(n -> n.startsWith("246.9 "))
        .anyMatch(n -> n.startsWith("100.00 "))
        .anyMatch(n -> n.startsWith("806.3 "));
  }

  @Test
  void codeAndPlanTablesAreLeftToTheResultsOwnText() {
    List<String> prose =
        PageNumbers.prose(
            "a 12.5 b\n```sql\nSELECT 777\n```\n| QUERY PLAN |\n| Seq Scan rows=999 |\n\nafter"
                + " `id = 4242` [x](plans/1.json)");
    assertThat(String.join("\n", prose))
        .contains("12.5")
        .doesNotContain("777")
        .doesNotContain("999")
        .doesNotContain("4242")
        .doesNotContain("1.json");
  }
}
