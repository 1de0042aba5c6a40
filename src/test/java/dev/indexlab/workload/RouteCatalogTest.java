package dev.indexlab.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.workload.RouteProblem.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteCatalogTest {
  @TempDir Path dir;

  private RouteCatalog catalog() throws IOException {
    Path good = dir.resolve("good.sql");
    Files.writeString(good, "-- @route good\nSELECT 1;\n");
    Path broken = dir.resolve("broken.sql");
    Files.writeString(broken, "-- @route broken\n-- @statement s\nSELECT :x;\n");
    return RouteCatalog.load(List.of(good, broken));
  }

  @Test
  void aFileThatDoesNotParseIsAProblemNamingFileLineAndRoute() throws IOException {
    RouteCatalog all = catalog();
    assertThat(all.routes()).extracting(Route::id).containsExactly("good");
    RouteProblem p = all.problems().get(0);
    assertThat(p.route()).isEqualTo("broken");
    assertThat(p.stage()).isEqualTo(Stage.PARSE);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.text()).isEqualTo(dir.resolve("broken.sql") + ":3: " + p.message());
    assertThat(p.message()).startsWith("unknown parameter :x");
  }

  @Test
  void choosingKeepsTheProblemsOfTheChosenFilesAndNamesUnknownIds() throws IOException {
    RouteCatalog some = catalog().choose(List.of("nope", "good", "broken"));
    assertThat(some.routes()).extracting(Route::id).containsExactly("good");
    assertThat(some.problems())
        .extracting(RouteProblem::route, RouteProblem::stage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("nope", Stage.UNKNOWN),
            org.assertj.core.groups.Tuple.tuple("broken", Stage.PARSE));
    assertThat(some.unknown().orElseThrow().text()).isEqualTo("nope: no such route; known: good");
    assertThat(catalog().choose(List.of("good")).problems()).isEmpty();
  }

  @Test
  void selectingAnUnknownIdIsAUsageErrorAboutTheRoutesSetting() throws IOException {
    RouteCatalog catalog = catalog();
    assertThat(catalog.select(List.of("broken")).problems()).hasSize(1);
    assertThatThrownBy(() -> catalog.select(List.of("good", "nope")))
        .isInstanceOf(IndexlabException.class)
        .hasMessage(Setting.ROUTES + " nope: no such route; known: good")
        .satisfies(e -> assertThat(((IndexlabException) e).status()).isEqualTo(2));
  }
}
