package dev.indexlab.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTablesTest {
  @Test
  void findsWriteTargetsButNotLockingClausesOrLiterals() {
    assertThat(
            RouteTables.written(
                "WITH d AS (DELETE FROM ONLY shop.\"Orders\" WHERE id = 1 RETURNING id)"
                    + " INSERT INTO audit SELECT 'update x' FROM d"
                    + " ON CONFLICT (id) DO UPDATE SET n = 1"))
        .containsExactly("shop.\"Orders\"", "audit");
    assertThat(RouteTables.written("SELECT * FROM t FOR UPDATE OF t")).isEmpty();
    assertThat(RouteTables.written("SELECT * FROM t FOR NO KEY UPDATE")).isEmpty();
    assertThat(RouteTables.written("UPDATE Users SET a = 1")).containsExactly("Users");
  }
}
