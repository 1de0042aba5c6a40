package dev.indexlab.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PGobject;

/** What route files learned for captured workloads: {@code file:}, {@code todo:}, {@code @skip}. */
class CapturedRouteFilesTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void aParameterFileGivesTypedValueSetsNullsAndEmptyStrings() throws Exception {
    write(
        "data/params/find.csv",
        "id:int8,title,note:text\n\"7\",\"it's \"\"ok\"\"\",\n\"8\",plain,\"\"\n\n");
    Path route =
        write(
            "find.sql",
            "-- @route find\n-- @param id, note file: data/params/find.csv\n"
                + "SELECT 1 WHERE :id::int8 > 0 AND :note::text IS NULL;\n");
    Route r = RouteParser.parse(route);
    List<Map<String, Object>> pool = ParameterSampler.pool(null, r, 1, 20);
    assertThat(pool).hasSize(20);
    Object id =
        pool.stream().map(m -> m.get("id")).filter(v -> v != null).findFirst().orElseThrow();
    assertThat(id).isInstanceOf(PGobject.class);
    assertThat(((PGobject) id).getType()).isEqualTo("int8");
    ParamFile f = ParamFile.read(dir.resolve("data/params/find.csv"));
    assertThat(f.names()).containsExactly("id", "title", "note");
    assertThat(f.rows().get(0).get(1)).isEqualTo("it's \"ok\"");
    assertThat(f.rows().get(0).get(2)).isNull();
    assertThat(((PGobject) f.rows().get(1).get(2)).getValue()).isEmpty();
  }

  @Test
  void writtenValuesReadBackTheSame() throws Exception {
    Path file = dir.resolve("data/params/w.csv");
    List<List<String>> rows = new ArrayList<>();
    rows.add(java.util.Arrays.asList("1", "a,\"b\"\nc", null));
    rows.add(java.util.Arrays.asList("2", "", "x"));
    ParamFile.write(file, List.of("id:int8", "t:text", "u"), rows);
    ParamFile f = ParamFile.read(file);
    assertThat(((PGobject) f.rows().get(0).get(1)).getValue()).isEqualTo("a,\"b\"\nc");
    assertThat(f.rows().get(0).get(2)).isNull();
    assertThat(((PGobject) f.rows().get(1).get(1)).getValue()).isEmpty();
    assertThat(f.rows().get(1).get(2)).isEqualTo("x");
  }

  @Test
  void aTodoParameterIsReportedAtItsLineWithWhatToFillIn() throws Exception {
    Path route =
        write(
            "count.sql",
            "-- @route count\n-- @weight 3\n-- @param p1 todo: $1 is integer, not compared with a"
                + " column\nSELECT count(*) FROM t WHERE length(name) > :p1;\n");
    List<RouteProblem> problems = new ArrayList<>();
    assertThat(RouteParser.parse(route, problems)).isEmpty();
    assertThat(problems.stream().map(RouteProblem::text))
        .containsExactly(
            route
                + ":3: @param p1 is to be filled in: $1 is integer, not compared with a column"
                + " (replace 'todo:' with a source: sample: SELECT ..., file:, int:, text:, oneof:,"
                + " const: or format:)");
  }

  @Test
  void aMissingParameterFileOrColumnIsReportedAtTheParamLine() throws Exception {
    write("data/params/x.csv", "a\n\"1\"\n");
    Path route = write("x.sql", "-- @route x\n-- @param b file: data/params/x.csv\nSELECT :b;\n");
    List<RouteProblem> problems = new ArrayList<>();
    RouteParser.parse(route, problems);
    List<String> errors = problems.stream().map(RouteProblem::text).toList();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0))
        .startsWith(route + ":2: @param b: file: ")
        .contains("no column b (columns: a)");
  }

  @Test
  void aSkippedFileIsNotARouteButIsListedWithItsReason() throws Exception {
    write("schema.sql", "CREATE TABLE t (id int);\n");
    write("a.sql", "-- @route a\nSELECT 1;\n");
    Path skipped =
        write(
            "b.sql",
            "-- @route SELECT statement\n-- @skip JSqlParser could not read it: boom\n"
                + "--   SELECT xmlelement(name s)\n");
    Workload w = Workload.open(dir);
    assertThat(w.routeFiles()).extracting(p -> p.getFileName().toString()).containsExactly("a.sql");
    assertThat(w.skippedRouteFiles())
        .containsExactly(
            Map.entry(skipped.toAbsolutePath().normalize(), "JSqlParser could not read it: boom"));
    assertThat(RouteParser.skipReason(dir.resolve("a.sql"))).isEqualTo(Optional.empty());
  }

  @Test
  void aWorkloadWithoutASchemaOpensAndSaysSo() throws Exception {
    write("a.sql", "-- @route a\nSELECT 1;\n");
    Workload w = Workload.open(dir);
    assertThat(w.hasSchema()).isFalse();
    assertThat(w.noSchema().getMessage())
        .contains("runs only against the database it was captured from");
  }
}
