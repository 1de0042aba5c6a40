package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryPlanTableTest {
  @Test
  void rendersTheWriteUpsTableLayout() {
    String expected =
        """
        | QUERY PLAN                                                                                                             |
        | ---------------------------------------------------------------------------------------------------------------------- |
        | Delete on users  (cost=0.28..8.29 rows=0 width=0) (actual time=0.042..0.042 rows=0 loops=1)                            |
        |   ->  Index Scan using users_pkey on users  (cost=0.28..8.29 rows=1 width=6) (actual time=0.027..0.028 rows=1 loops=1) |
        |         Index Cond: (id = 300)                                                                                         |
        | Planning Time: 0.055 ms                                                                                                |
        | Trigger for constraint song_history_user_id_fkey: time=64.876 calls=1                                                  |
        | Trigger for constraint users_playlist_position_user_id_fkey: time=0.325 calls=1                                        |
        | Execution Time: 65.261 ms                                                                                              |
        """;
    assertThat(QueryPlanTable.markdown(Fixtures.plan("writeup-delete-user"))).isEqualTo(expected);
  }

  @Test
  void escapesPipesAndPadsToTheWidestLine() {
    String table = QueryPlanTable.markdown(List.of("Filter: (a || b)", "x"));
    assertThat(table)
        .isEqualTo(
            "| QUERY PLAN"
                + " ".repeat(8)
                + " |\n"
                + "| "
                + "-".repeat(18)
                + " |\n"
                + "| Filter: (a \\|\\| b) |\n"
                + "| x"
                + " ".repeat(17)
                + " |\n");
  }
}
