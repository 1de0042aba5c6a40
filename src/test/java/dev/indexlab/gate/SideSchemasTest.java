package dev.indexlab.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SideSchemasTest {
  static final Map<String, String> V1 = Map.of("schema/V1__schema.sql", "a");
  static final Map<String, String> V1_V2 =
      Map.of("schema/V1__schema.sql", "a", "schema/V2__index.sql", "b");

  @Test
  void relations() {
    assertThat(SideSchemas.compare(V1, V1)).isEqualTo(SideSchemas.Relation.SAME);
    assertThat(SideSchemas.compare(V1, V1_V2)).isEqualTo(SideSchemas.Relation.HEAD_EXTENDS);
    assertThat(SideSchemas.compare(V1_V2, V1)).isEqualTo(SideSchemas.Relation.BASE_EXTENDS);
    assertThat(
            SideSchemas.compare(
                V1_V2, Map.of("schema/V1__schema.sql", "edited", "schema/V2__index.sql", "b")))
        .isEqualTo(SideSchemas.Relation.DIVERGED);
    assertThat(SideSchemas.compare(Map.of("schema.sql", "a"), Map.of("schema.sql", "b")))
        .isEqualTo(SideSchemas.Relation.DIVERGED);
  }

  @Test
  void fileChangesAreNamed() {
    assertThat(
            WorkloadDigest.changes(
                Map.of("a.sql", "1", "b.sql", "2"), Map.of("b.sql", "3", "c.sql", "4")))
        .containsExactly("a.sql (removed)", "b.sql (edited)", "c.sql (added)");
    assertThat(WorkloadDigest.combined(V1)).isNotEqualTo(WorkloadDigest.combined(V1_V2));
  }
}
