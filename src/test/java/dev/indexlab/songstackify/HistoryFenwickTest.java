package dev.indexlab.songstackify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistoryFenwickTest {
  @Test
  void findsTheSlotHoldingEachUnitAndTracksDecrements() {
    long[] counts = {3, 0, 2, 5, 1};
    HistoryTable.Fenwick tree = new HistoryTable.Fenwick(counts);
    int[] expected = {0, 0, 0, 2, 2, 3, 3, 3, 3, 3, 4};
    for (int r = 0; r < expected.length; r++) {
      assertThat(tree.find(r)).as("unit %d", r).isEqualTo(expected[r]);
    }
    tree.decrement(0);
    tree.decrement(0);
    tree.decrement(0);
    assertThat(tree.find(0)).isEqualTo(2);
    assertThat(tree.find(2)).isEqualTo(3);
    assertThat(tree.find(7)).isEqualTo(4);
  }
}
