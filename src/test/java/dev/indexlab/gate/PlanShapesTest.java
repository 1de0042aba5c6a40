package dev.indexlab.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanShapesTest {
  @Test
  void keepsNodeTypesRelationsIndexesAndThePrintedLines() {
    List<ShapeNode> nodes = PlanShapes.nodes(GateFixtures.plan("writeup-song-history-bitmap"));

    assertThat(nodes)
        .extracting(ShapeNode::nodeType)
        .containsExactly("ModifyTable", "Bitmap Heap Scan", "Bitmap Index Scan");
    assertThat(nodes).extracting(ShapeNode::depth).containsExactly(0, 1, 2);
    // a Bitmap Index Scan reads an index; the gate files it under its heap scan's table
    assertThat(nodes.get(2).relation()).isEqualTo("song_history");
    assertThat(nodes.get(2).index()).isEqualTo("song_history_user_id");
    assertThat(nodes.get(2).indexAccess()).isTrue();
    assertThat(nodes.get(0).line()).startsWith("Delete on song_history  (cost=");
    assertThat(nodes.get(1).line()).startsWith("Bitmap Heap Scan on song_history  (cost=");
    assertThat(nodes.get(1).rows()).isEqualTo(152);
    assertThat(nodes).allMatch(n -> n.spill() == null);
  }

  @Test
  void aSequentialScanHasNoIndex() {
    List<ShapeNode> nodes = PlanShapes.nodes(GateFixtures.plan("writeup-song-history-seq-scan"));

    assertThat(nodes.get(1).seqScan()).isTrue();
    assertThat(nodes.get(1).relation()).isEqualTo("song_history");
    assertThat(nodes.get(1).index()).isNull();
    assertThat(nodes.get(1).depth()).isEqualTo(1);
    assertThat(nodes.get(1).line()).startsWith("Seq Scan on song_history");
  }

  @Test
  void anExternalSortSpillsAndAnInMemoryOneDoesNot() {
    ShapeNode disk = PlanShapes.nodes(GateFixtures.plan("external-sort")).get(0);
    ShapeNode memory = PlanShapes.nodes(GateFixtures.plan("hash-aggregate")).get(0);

    assertThat(disk.nodeType()).isEqualTo("Sort");
    assertThat(disk.spill()).startsWith("Sort Method: external merge  Disk: ").endsWith("kB");
    assertThat(memory.nodeType()).isEqualTo("Sort");
    assertThat(memory.spill()).isNull();
  }

  @Test
  void everyNodeOfAJoinIsKeptInPlanOrder() {
    List<ShapeNode> nodes = PlanShapes.nodes(GateFixtures.plan("hash-join"));

    assertThat(nodes)
        .extracting(ShapeNode::nodeType)
        .containsExactly("Hash Join", "Seq Scan", "Hash", "Seq Scan");
    assertThat(nodes)
        .extracting(ShapeNode::relation)
        .containsExactly(null, "orders", null, "customers");
    assertThat(nodes.get(3).line()).startsWith("Seq Scan on customers");
  }
}
