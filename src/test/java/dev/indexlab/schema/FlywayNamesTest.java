package dev.indexlab.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void versionsCompareNumericallyPartByPartAsFlywayAppliesThem() {
    List<String> names =
        new ArrayList<>(List.of("V10__c.sql", "V2_1__b.sql", "V2__a.sql", "V1.0.1__z.sql"));
    names.sort(FlywayNames.VERSION_ORDER);

    assertThat(names).containsExactly("V1.0.1__z.sql", "V2__a.sql", "V2_1__b.sql", "V10__c.sql");
    assertThat(
            FlywayNames.compareVersions(
                FlywayNames.version("V1__a.sql"), FlywayNames.version("V1.0__b.sql")))
        .isZero();
    assertThat(FlywayNames.version("R__views.sql")).isEmpty();
    assertThat(FlywayNames.version("V99999999999999999999__big.sql"))
        .containsExactly(new BigInteger("99999999999999999999"));
  }
}
