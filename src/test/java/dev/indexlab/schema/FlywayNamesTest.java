package dev.indexlab.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlywayNamesTest {
  @Test
  void acceptsWhatFlywayAccepts() {
    assertThat(FlywayNames.isVersioned("V1__init.sql")).isTrue();
    assertThat(FlywayNames.isVersioned("V1000__order_items_order_fk.sql")).isTrue();
    assertThat(FlywayNames.isVersioned("V1.2__x.sql")).isTrue();
    assertThat(FlywayNames.isVersioned("V1_2__x.sql")).isTrue();
    assertThat(FlywayNames.isMigration("R__views.sql")).isTrue();
    assertThat(FlywayNames.isMigration("v1__lowercase.sql")).isFalse();
    assertThat(FlywayNames.isMigration("V1_missing_separator.sql")).isFalse();
    assertThat(FlywayNames.isMigration("V__no_version.sql")).isFalse();
    assertThat(FlywayNames.isMigration("index.sql")).isFalse();
  }
}
