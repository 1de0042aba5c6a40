package dev.indexlab.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import dev.indexlab.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Passwords never reach a message, a stack trace or a log line, in whatever form they came. */
class SecretsTest {
  @Test
  void aRememberedPasswordIsMaskedAnywhereInText() {
    Secrets.remember("hunter2-secret");
    String trace =
        "Caused by: org.postgresql.util.PSQLException: FATAL: bad auth for hunter2-secret\n"
            + "\tat x.y(Z.java:1)";
    assertThat(Secrets.maskAll(trace)).doesNotContain("hunter2-secret").contains("****");
    assertThat(Secrets.maskAll("jdbc:postgresql://h/db?user=a&password=other-one&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=a&password=****&ssl=true");
    assertThat(Secrets.maskAll("jdbc:postgresql://a:pw-in-userinfo@h/db"))
        .doesNotContain("pw-in-userinfo");
  }

  @Test
  void aUrlTheDriverCannotParseIsAUsageErrorThatMasksItsPassword() {
    String url = "jdbc:postgresql://localhost:notaport/db?password=Pw-Unparsed-77";
    assertThatThrownBy(() -> DatabaseTargets.open(url, null, null, Map.of()))
        .isInstanceOf(IndexlabException.class)
        .satisfies(e -> assertThat(((IndexlabException) e).status()).isEqualTo(2))
        .hasMessageContaining("not a valid PostgreSQL JDBC URL")
        .hasMessageNotContaining("Pw-Unparsed-77");
  }

  @Test
  void aVerboseStackTraceOfAFailedConnectionHasNoPassword() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            new String[] {
              "checksum",
              "--verbose",
              "--db",
              "jdbc:postgresql://127.0.0.1:1/db?password=Pw-In-Url-31&user=app",
              "--password",
              "Pw-Option-32"
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains("\tat ") // the stack trace is there
        .contains("cannot connect to")
        .doesNotContain("Pw-In-Url-31")
        .doesNotContain("Pw-Option-32");
  }
}
