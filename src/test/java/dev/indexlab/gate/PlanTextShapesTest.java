package dev.indexlab.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shapes read from the server's own text match the shapes read from its JSON, node for node. */
class PlanTextShapesTest {
  static String serverText(String name) {
    String resource = "/plans/" + name + ".server.txt";
    try (InputStream in = PlanTextShapesTest.class.getResourceAsStream(resource)) {
      return new String(
          Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the rules compare, without the printed line and rows (another execution). */
  static List<String> comparable(List<ShapeNode> nodes) {
    return nodes.stream()
        .map(
            n ->
                n.depth()
                    + " "
                    + n.nodeType()
                    + " rel="
                    + n.relation()
                    + " idx="
                    + n.index()
                    + " spill="
                    + (n.spill() != null))
        .toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bitmap-heap-scan",
        "cte-window",
        "delete-song-cascade",
        "external-sort",
        "hash-aggregate",
        "hash-join",
        "initplan-subplan",
        "insert-fk-check",
        "leading-wildcard",
        "nested-loop-memoize",
        "nested-loop-seq-scan",
        "never-executed",
        "seq-scan-filter",
        "sort-limit"
      })
  void textAndJsonGiveTheSameShape(String fixture) {
    List<ShapeNode> fromText = PlanTextShapes.nodes(serverText(fixture));
    List<ShapeNode> fromJson = PlanShapes.nodes(GateFixtures.plan(fixture));

    assertThat(comparable(fromText)).isEqualTo(comparable(fromJson));
  }

  @Test
  void readsTypesTablesIndexesAndRows() {
    List<ShapeNode> nodes =
        PlanTextShapes.nodes(
            "Delete on public.song_history  (cost=10.28..2185.37 rows=0 width=0) (actual"
                + " time=0.607..0.608 rows=0 loops=1)\n"
                + "  ->  Bitmap Heap Scan on public.song_history  (cost=10.28..2185.37 rows=755"
                + " width=6) (actual time=0.060..0.526 rows=152 loops=1)\n"
                + "        Recheck Cond: (song_history.user_id = 300)\n"
                + "        ->  Bitmap Index Scan on song_history_user_id  (cost=0.00..10.09"
                + " rows=755 width=0) (actual time=0.041..0.041 rows=152 loops=2)\n"
                + "Planning Time: 0.2 ms\n");

    assertThat(comparable(nodes))
        .containsExactly(
            "0 ModifyTable rel=song_history idx=null spill=false",
            "1 Bitmap Heap Scan rel=song_history idx=null spill=false",
            "2 Bitmap Index Scan rel=song_history idx=song_history_user_id spill=false");
    assertThat(nodes.get(2).rows()).isEqualTo(304);
    assertThat(nodes.get(1).line()).startsWith("Bitmap Heap Scan on public.song_history  (cost=");
  }

  @Test
  void namesJsonTypes() {
    assertThat(PlanTextShapes.jsonType("HashAggregate")).isEqualTo("Aggregate");
    assertThat(PlanTextShapes.jsonType("Finalize GroupAggregate")).isEqualTo("Aggregate");
    assertThat(PlanTextShapes.jsonType("Hash Right Anti Join")).isEqualTo("Hash Join");
    assertThat(PlanTextShapes.jsonType("Nested Loop Left Join")).isEqualTo("Nested Loop");
    assertThat(PlanTextShapes.jsonType("Parallel Seq Scan")).isEqualTo("Seq Scan");
    assertThat(PlanTextShapes.jsonType("Index Only Scan Backward")).isEqualTo("Index Only Scan");
    assertThat(PlanTextShapes.unquote("\"Users\"")).isEqualTo("Users");
  }
}
