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

  @Test
  void statementEndWaitsForOpenQuotesDollarQuotesAndComments() {
    assertThat(SqlScanner.statementEnd("SELECT 1;", 0)).isEqualTo(8);
    assertThat(SqlScanner.statementEnd("SELECT 'a;\n", 0)).isEqualTo(-1);
    assertThat(SqlScanner.statementEnd("CREATE FUNCTION f() AS $_$\nBEGIN x; END;\n", 0))
        .isEqualTo(-1);
    String body = "AS $_$\nBEGIN x; END;\n$_$;\n";
    assertThat(SqlScanner.statementEnd(body, 0)).isEqualTo(body.indexOf("$;") + 1);
    assertThat(SqlScanner.statementEnd("/* open ; /* nested */ ;\n", 0)).isEqualTo(-1);
    String quoted = "/* c */ SELECT \"a;b\" -- ;\n;";
    assertThat(SqlScanner.statementEnd(quoted, 0)).isEqualTo(quoted.length() - 1);
    assertThat(SqlScanner.statementEnd("SELECT 1; SELECT 2;", 9)).isEqualTo(18);
  }

  @Test
  void codeStartSkipsWhiteSpaceAndComments() {
    String text = "  -- a\n/* b */\n  SELECT 1";
    assertThat(SqlScanner.codeStart(text)).isEqualTo(text.indexOf("SELECT"));
    assertThat(SqlScanner.codeStart("-- only\n")).isEqualTo(8);
    assertThat(SqlScanner.codeStart("")).isZero();
  }
}
