package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import org.junit.jupiter.api.Test;

class PlanJsonParserTest {
  @Test
  void readsAnAnalyzedDeleteWithTriggersSettingsBuffersAndWal() {
    Plan plan = Fixtures.plan("delete-song-cascade");
    PlanNode root = plan.root();
    assertThat(root.nodeType()).isEqualTo("ModifyTable");
    assertThat(root.operation()).isEqualTo("Delete");
    assertThat(root.relationName()).isEqualTo("songs");
    assertThat(root.analyzed()).isTrue();
    PlanNode scan = root.children().get(0);
    assertThat(scan.nodeType()).isEqualTo("Index Scan");
    assertThat(scan.indexName()).isEqualTo("songs_pkey");
    assertThat(scan.indexCond()).isEqualTo("(id = 9)");
    assertThat(scan.parentRelationship()).isEqualTo("Outer");
    assertThat(scan.actualLoops()).isEqualTo(1.0);
    assertThat(plan.triggers())
        .extracting(TriggerTime::constraintName)
        .containsExactly(
            "links_song_id_fkey",
            "playlist_songs_song_id_fkey",
            "song_history_song_id_fkey",
            "users_playlist_position_playlist_song_position_fkey");
    TriggerTime last = plan.triggers().get(3);
    assertThat(last.relation()).isEqualTo("playlist_songs");
    assertThat(last.calls()).isEqualTo(2.0);
    assertThat(last.isForeignKeyTrigger()).isTrue();
    assertThat(plan.settings()).containsEntry("work_mem", "16MB");
    assertThat(plan.planningBuffers()).isNotNull();
    assertThat(plan.executionTimeMs()).isPositive();
    assertThat(plan.planningTimeMs()).isPositive();
    assertThat(root.buffers().sharedHit()).isPositive();
    assertThat(plan.walTotals().records()).isPositive();
    assertThat(plan.statementRows()).isEqualTo(1.0);
    assertThat(plan.modifyTable()).containsSame(root);
    assertThat(plan.json()).isEqualTo(Fixtures.json("delete-song-cascade"));
  }

  @Test
  void readsAPlanWithoutAnalyze() {
    Plan plan = Fixtures.plan("estimate-only");
    assertThat(plan.analyzed()).isFalse();
    assertThat(plan.executionTimeMs()).isNull();
    assertThat(plan.triggers()).isEmpty();
    assertThat(plan.root().actualRows()).isNull();
    assertThat(plan.root().totalCost()).isPositive();
    assertThat(plan.root().inclusiveTimeMs()).isZero();
  }

  @Test
  void typesNodeDetails() {
    PlanNode bitmap = Fixtures.plan("bitmap-heap-scan").root();
    assertThat(bitmap.recheckCond()).isEqualTo("(status = 'open'::text)");
    assertThat(bitmap.filter()).isEqualTo("(amount < '3'::numeric)");
    assertThat(bitmap.rowsRemovedByFilter()).isEqualTo(485.0);
    assertThat(PlanProperties.integer(bitmap.properties(), "Exact Heap Blocks")).isPositive();
    PlanNode sort = Fixtures.plan("external-sort").root();
    assertThat(sort.sortKey()).containsExactly("o.note");
    assertThat(sort.sortSpace().onDisk()).isTrue();
    assertThat(sort.buffers().tempWritten()).isPositive();
    PlanNode hash =
        Fixtures.plan("hash-join")
            .root()
            .walk()
            .filter(n -> "Hash".equals(n.nodeType()))
            .findFirst()
            .orElseThrow();
    assertThat(hash.hashTable().batches()).isEqualTo(1);
    PlanNode join = Fixtures.plan("hash-join").root();
    assertThat(join.joinType()).isEqualTo("Inner");
    assertThat(join.condition("Hash Cond")).isEqualTo("(o.customer_id = c.id)");
    assertThat(join.sharedBuffers()).isEqualTo(join.buffers().sharedHit());
  }

  @Test
  void keepsSubPlanNamesAndNeverExecutedNodes() {
    Plan init = Fixtures.plan("initplan-subplan");
    assertThat(init.root().walk().map(PlanNode::subplanName).filter(n -> n != null))
        .containsExactly("InitPlan 3", "InitPlan 2", "SubPlan 1");
    Plan never = Fixtures.plan("never-executed");
    assertThat(never.root().walk().anyMatch(PlanNode::neverExecuted)).isTrue();
  }

  @Test
  void toleratesUnknownPropertiesAndKeepsThem() {
    String json =
        "[{\"Plan\": {\"Node Type\": \"Result\", \"Startup Cost\": 0.00, \"Total Cost\": 0.01,"
            + " \"Plan Rows\": 1, \"Plan Width\": 4, \"Shiny New Thing\": 42},"
            + " \"Something Else\": {\"a\": 1}, \"Planning Time\": 0.010}]";
    Plan plan = PlanJsonParser.parse(json);
    assertThat(plan.root().properties()).containsKey("Shiny New Thing");
    assertThat(plan.properties()).containsKey("Something Else");
    assertThat(PlanTextRenderer.lines(plan))
        .containsExactly("Result  (cost=0.00..0.01 rows=1 width=4)", "Planning Time: 0.010 ms");
  }

  @Test
  void rejectsWhatIsNotJson() {
    assertThatThrownBy(() -> PlanJsonParser.parse("QUERY PLAN\n Seq Scan"))
        .isInstanceOf(IndexlabException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> PlanJsonParser.parse("[]"))
        .isInstanceOf(IndexlabException.class)
        .hasMessageContaining("no plan");
  }
}
