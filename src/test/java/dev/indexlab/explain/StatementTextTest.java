package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementTextTest {
  @Test
  void seesReturningOnlyOutsideLiteralsAndComments() {
    assertThat(StatementText.hasReturning("DELETE FROM t WHERE id = ? RETURNING id")).isTrue();
    assertThat(StatementText.hasReturning("delete from t where id = ?\nreturning *")).isTrue();
    assertThat(StatementText.hasReturning("DELETE FROM t WHERE note = 'returning'")).isFalse();
    assertThat(StatementText.hasReturning("DELETE FROM t -- returning later\nWHERE id = 1"))
        .isFalse();
    assertThat(StatementText.hasReturning("DELETE FROM \"returning\" WHERE id = 1")).isFalse();
    assertThat(StatementText.hasReturning("SELECT $x$ returning $x$, $1")).isFalse();
    assertThat(StatementText.hasReturning("DELETE FROM t /* returning */ WHERE id = 1")).isFalse();
  }

  @Test
  void stripsTheTerminator() {
    assertThat(StatementText.withoutTerminator("DELETE FROM t WHERE id = ?;\n"))
        .isEqualTo("DELETE FROM t WHERE id = ?");
    assertThat(StatementText.withoutTerminator("SELECT 1 ; ; ")).isEqualTo("SELECT 1");
  }
}
