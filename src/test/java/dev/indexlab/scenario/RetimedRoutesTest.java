package dev.indexlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetimedRoutesTest {
  private static RunResults.StatementCapture statement(List<String> nodes, List<String> indexes) {
    return new RunResults.StatementCapture(
        0,
        "read",
        "SELECT 1",
        1.0,
        1.0,
        1.0,
        0.1,
        10,
        0,
        0,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        indexes,
        nodes,
        null,
        0);
  }

  @Test
  void theSamePlansMeanTheSameNodesAndIndexesForEveryStatement() {
    var seq = statement(List.of("Seq Scan on public.songs"), List.of());
    var idx = statement(List.of("Index Scan on public.songs"), List.of("songs_pkey"));
    var idxOther = statement(List.of("Index Scan on public.songs"), List.of("songs_name_idx"));
    assertThat(RetimedRoutes.samePlans(List.of(seq, idx), List.of(seq, idx))).isTrue();
    assertThat(RetimedRoutes.samePlans(List.of(seq), List.of(idx))).isFalse();
    assertThat(RetimedRoutes.samePlans(List.of(idx), List.of(idxOther))).isFalse();
    assertThat(RetimedRoutes.samePlans(List.of(seq, idx), List.of(seq))).isFalse();
    assertThat(RetimedRoutes.samePlans(null, List.of(seq))).isFalse();
  }
}
