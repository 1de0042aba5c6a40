package dev.indexlab.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import org.junit.jupiter.api.Test;

class PgVersionTest {
  @Test
  void theSupportedMajorsParse() {
    assertThat(PgVersion.parse("--pg-version", "14")).isEqualTo(PgVersion.V14);
    assertThat(PgVersion.parse("--pg-version", " 18 ")).isEqualTo(PgVersion.V18);
    assertThat(PgVersion.V16.image()).isEqualTo("postgres:16");
    assertThat(PgVersion.of(17)).contains(PgVersion.V17);
    assertThat(PgVersion.of(13)).isEmpty();
  }

  @Test
  void anUnsupportedVersionIsAUsageErrorNamingTheSupportedOnes() {
    for (String bad : new String[] {"13", "abc", "", "18.1", "19"}) {
      assertThatThrownBy(() -> PgVersion.parse("--pg-version", bad))
          .isInstanceOf(IndexlabException.class)
          .hasMessage(
              "--pg-version "
                  + bad
                  + ": not a supported PostgreSQL version; use one of 14, 15, 16, 17, 18")
          .extracting(e -> ((IndexlabException) e).status())
          .isEqualTo(IndexlabException.USAGE);
    }
  }

  @Test
  void theDefaultIsTheBundledBinariesVersion() {
    assertThat(PgVersion.DEFAULT).isEqualTo(PgBinaries.bundled());
    assertThat(ContainerTarget.DEFAULT_IMAGE).isEqualTo("postgres:" + PgVersion.DEFAULT.major());
  }
}
