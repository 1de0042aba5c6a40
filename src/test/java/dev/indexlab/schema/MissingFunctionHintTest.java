package dev.indexlab.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.Setting;
import org.junit.jupiter.api.Test;

class MissingFunctionHintTest {
  @Test
  void namesTheFirstVersionThatHasTheFunction() {
    assertThat(MissingFunctionHint.of("function uuidv7() does not exist", 17))
        .contains(
            "uuidv7() exists from PostgreSQL 18; this server is 17 (try "
                + Setting.PG_VERSION
                + " 18)");
    assertThat(
            MissingFunctionHint.of(
                "function public.regexp_count(text, unknown) does not exist", 14))
        .contains(
            "regexp_count() exists from PostgreSQL 15; this server is 14 (try "
                + Setting.PG_VERSION
                + " 15)");
    assertThat(MissingFunctionHint.of("function any_value(integer) does not exist", 15))
        .contains(
            "any_value() exists from PostgreSQL 16; this server is 15 (try "
                + Setting.PG_VERSION
                + " 16)");
  }

  @Test
  void saysNothingWhenTheServerIsNewEnoughOrTheFunctionIsUnknown() {
    assertThat(MissingFunctionHint.of("function uuidv7() does not exist", 18)).isEmpty();
    assertThat(MissingFunctionHint.of("function uuidv8() does not exist", 17)).isEmpty();
    assertThat(MissingFunctionHint.of("relation \"uuidv7\" does not exist", 17)).isEmpty();
    assertThat(MissingFunctionHint.of((String) null, 17)).isEmpty();
  }

  @Test
  void everyListedVersionIsASupportedOneAboveTheOldest() {
    assertThat(MissingFunctionHint.FIRST_VERSION.values()).allMatch(v -> v >= 15 && v <= 18);
  }
}
