package dev.indexlab.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScannerTest {
  @Test
  void namedParametersBecomePlaceholdersButCastsStringsAndCommentsStay() {
    SqlScanner.Positional p =
        SqlScanner.toPositional(
            "SELECT ':not', \":nor\", $x$ :body $x$, a::text FROM t -- :c\n"
                + "WHERE id = :user_id AND e = E'\\' :esc' AND s = :user_id /* :b */");
    assertThat(p.names()).containsExactly("user_id", "user_id");
    assertThat(p.sql())
        .isEqualTo(
            "SELECT ':not', \":nor\", $x$ :body $x$, a::text FROM t -- :c\n"
                + "WHERE id = ? AND e = E'\\' :esc' AND s = ? /* :b */");
  }

  @Test
  void splitsAtTopLevelSemicolonsOnly() {
    List<SqlScanner.Piece> pieces =
        SqlScanner.split("SELECT ';';\n-- only a comment;\nINSERT INTO t VALUES ($$a;b$$);\n  ");
    assertThat(pieces)
        .extracting(SqlScanner.Piece::sql)
        .containsExactly("SELECT ';'", "-- only a comment;\nINSERT INTO t VALUES ($$a;b$$)");
  }
}
