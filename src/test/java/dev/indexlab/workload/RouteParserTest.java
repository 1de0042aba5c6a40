package dev.indexlab.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteParserTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void readsHeaderParametersStatementsAndReturns() throws IOException {
    Path file =
        write(
            "song_add.sql",
            String.join(
                "\n",
                "-- @route POST /song/add",
                "-- @description adds a song and its link",
                "-- @isolation serializable",
                "-- @weight 2.5",
                "-- @param name text: 5..40",
                "-- @param user_id, song_id sample: SELECT user_id, song_id",
                "--    FROM song_history",
                "-- @param url format: https://open.spotify.com/track/{base62:22}",
                "",
                "-- @statement insert the song",
                "-- @returns id",
                "INSERT INTO songs (song_name) VALUES (:name)",
                "RETURNING id;",
                "",
                "-- @statement insert its link",
                "INSERT INTO links (song_id, song_url) VALUES (:id, :url);",
                ""));
    Route r = RouteParser.parse(file);
    assertThat(r.id()).isEqualTo("song_add");
    assertThat(r.name()).isEqualTo("POST /song/add");
    assertThat(r.isolation()).isEqualTo(Isolation.SERIALIZABLE);
    assertThat(r.weight()).isEqualTo(2.5);
    assertThat(r.parameters()).hasSize(3);
    assertThat(r.parameters().get(1).names()).containsExactly("user_id", "song_id");
    assertThat(r.parameters().get(1).spec()).isEqualTo("SELECT user_id, song_id FROM song_history");
    assertThat(r.statements()).hasSize(2);
    RouteStatement first = r.statements().get(0);
    assertThat(first.line()).isEqualTo(12);
    assertThat(first.returns()).containsExactly("id");
    assertThat(first.jdbcSql()).isEqualTo("INSERT INTO songs (song_name) VALUES (?)\nRETURNING id");
    RouteStatement second = r.statements().get(1);
    assertThat(second.line()).isEqualTo(16);
    assertThat(second.parameterNames()).containsExactly("id", "url");
  }

  @Test
  void filesWithoutStatementDirectivesSplitAtSemicolons() throws IOException {
    Path file =
        write(
            "plain.sql",
            "-- @route GET /plain\n-- @param id int: 1..10\nSELECT 1 WHERE :id > 0;\n\nSELECT 2;\n");
    Route r = RouteParser.parse(file);
    assertThat(r.statements()).extracting(RouteStatement::line).containsExactly(3, 5);
  }

  @Test
  void reportsEveryProblemWithFileAndLine() throws IOException {
    Path file =
        write(
            "bad.sql",
            String.join(
                "\n",
                "-- @isolation sometimes",
                "-- @param n int: 9..1",
                "-- @param m dice: 6",
                "-- @statement one",
                "SELECT :nobody;",
                "-- @statement two",
                "SELECT 1; SELECT 2;",
                ""));
    List<RouteProblem> problems = new ArrayList<>();
    assertThat(RouteParser.parse(file, problems)).isEmpty();
    assertThat(problems)
        .allSatisfy(p -> assertThat(p.route()).isEqualTo(RouteParser.idOf(file)))
        .allSatisfy(p -> assertThat(p.stage()).isEqualTo(RouteProblem.Stage.PARSE))
        .allSatisfy(p -> assertThat(p.file()).isEqualTo(file))
        .anySatisfy(
            p -> {
              assertThat(p.line()).isEqualTo(7);
              assertThat(p.message()).startsWith("@statement 'two' holds more");
            });
    List<String> errors = problems.stream().map(RouteProblem::text).toList();
    assertThat(errors)
        .anySatisfy(e -> assertThat(e).startsWith(file + ":1: @isolation 'sometimes'"))
        .anySatisfy(e -> assertThat(e).startsWith(file + ":2: @param n: int: empty range"))
        .anySatisfy(e -> assertThat(e).startsWith(file + ":3: @param kind 'dice' unknown"))
        .anySatisfy(e -> assertThat(e).startsWith(file + ":5: unknown parameter :nobody"))
        .anySatisfy(e -> assertThat(e).startsWith(file + ":7: @statement 'two' holds more"))
        .anySatisfy(e -> assertThat(e).startsWith(file + ":1: missing '-- @route NAME'"));
    assertThatThrownBy(() -> RouteParser.parse(file))
        .isInstanceOf(IndexlabException.class)
        .hasMessageStartingWith(file + ":");
  }
}
