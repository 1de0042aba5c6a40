package dev.indexlab.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLogTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  private static Map<Integer, String> values(Object... kv) {
    Map<Integer, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((Integer) kv[i], (String) kv[i + 1]);
    }
    return m;
  }

  @Test
  void stderrWithAnyPrefixGivesStatementsDurationsAndParameters() throws Exception {
    Path log =
        file(
            "pg.log",
            "2026-12-06 00:00:01.000 UTC [11] LOG:  database system is ready, accepting\n"
                + "2026-12-06 00:00:02.000 UTC [12] app=x db=shop LOG:  duration: 0.050 ms  parse"
                + " <unnamed>: SELECT 1\n"
                + "2026-12-06 00:00:02.100 UTC [12] app=x db=shop LOG:  duration: 1.250 ms  execute"
                + " <unnamed>: SELECT *\n"
                + "\tFROM books WHERE title = $1 AND n > $2\n"
                + "2026-12-06 00:00:02.100 UTC [12] app=x db=shop DETAIL:  Parameters: $1 = 'it''s',"
                + " $2 = NULL\n"
                + "2026-12-06 00:00:03.000 UTC [13] LOG:  duration: 2.000 ms  statement: DELETE FROM"
                + " books\n");
    List<ServerLog.Execution> runs = ServerLog.read(log);
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0).sql()).isEqualTo("SELECT *\nFROM books WHERE title = $1 AND n > $2");
    assertThat(runs.get(0).durationMs()).isEqualTo(1.25);
    assertThat(runs.get(0).values()).isEqualTo(values(1, "it's", 2, null));
    assertThat(runs.get(0).database()).isNull();
    assertThat(runs.get(1).sql()).isEqualTo("DELETE FROM books");
    assertThat(runs.get(1).values()).isEmpty();
  }

  @Test
  void csvlogRecordsSpanLinesAndNameTheirDatabase() throws Exception {
    String record =
        "2026-12-06 00:00:02.100 UTC,\"app\",\"shop\",12,\"[local]\",6750,1,\"SELECT\","
            + "2026-12-06 00:00:00 UTC,3/4,0,LOG,00000,\"duration: 0.500 ms  execute S_1: SELECT\n"
            + "  id FROM books WHERE id = $1\",\"Parameters: $1 = '7'\",,,,,,,,\"\",\"client"
            + " backend\",,0\n";
    List<ServerLog.Execution> runs = ServerLog.read(file("pg.csv", record + record));
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0).database()).isEqualTo("shop");
    assertThat(runs.get(0).sql()).isEqualTo("SELECT\n  id FROM books WHERE id = $1");
    assertThat(runs.get(0).values()).isEqualTo(values(1, "7"));
  }

  @Test
  void aBadCsvlogRecordIsNamedByTheLineItStartsOn() throws Exception {
    String record =
        "2026-12-06 00:00:02.100 UTC,\"app\",\"shop\",12,\"[local]\",6750,1,\"SELECT\","
            + "2026-12-06 00:00:00 UTC,3/4,0,LOG,00000,\"duration: 0.500 ms  execute S_1: SELECT\n"
            + "  1\",,,,,,,,,\"\",\"client backend\",,0\n";
    Path open = file("open.csv", record + "\n2026-12-06,\"app\",\"shop\",\"never\nclosed\n");
    assertThatThrownBy(() -> ServerLog.read(open))
        .isInstanceOf(IndexlabException.class)
        .hasMessageStartingWith(open + ":4: unterminated quoted");
    Path shortRecord = file("short.csv", record + "a,\"b\nc\"\n" + record);
    assertThatThrownBy(() -> ServerLog.read(shortRecord))
        .hasMessageStartingWith(
            shortRecord + ":3: a csvlog record has at least 15 fields, this one 2");
  }

  @Test
  void jsonlogAndAutoExplainInBothFormats() throws Exception {
    String text =
        "{\"timestamp\":\"2026-12-06\",\"dbname\":\"shop\",\"error_severity\":\"LOG\","
            + "\"message\":\"duration: 3.000 ms  plan:\\n\\tQuery Text: SELECT id FROM books\\n"
            + "\\t  WHERE id = $1\\n\\tQuery Parameters: $1 = '9'\\n\\tIndex Scan using books_pkey"
            + " on books  (cost=0.28..8.29 rows=1 width=4)\"}\n"
            + "{\"dbname\":\"shop\",\"error_severity\":\"LOG\",\"message\":\"duration: 4.000 ms"
            + "  plan:\\n{\\\"Query Text\\\": \\\"DELETE FROM books WHERE id = $1\\\", \\\"Query"
            + " Parameters\\\": \\\"$1 = '5'\\\", \\\"Plan\\\": {}}\"}\n"
            + "{\"dbname\":\"shop\",\"error_severity\":\"ERROR\",\"message\":\"boom\"}\n";
    List<ServerLog.Execution> runs = ServerLog.read(file("pg.json", text));
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0).sql()).isEqualTo("SELECT id FROM books\n\t  WHERE id = $1");
    assertThat(runs.get(0).values()).isEqualTo(values(1, "9"));
    assertThat(runs.get(1).sql()).isEqualTo("DELETE FROM books WHERE id = $1");
    assertThat(runs.get(1).values()).isEqualTo(values(1, "5"));
    assertThat(runs.get(1).durationMs()).isEqualTo(4.0);
  }

  @Test
  void anUnknownFormatNamesTheLineAndTheFormats() throws Exception {
    Path f = file("app.log", "\n\nINFO starting the app\n");
    assertThatThrownBy(() -> ServerLog.read(f))
        .isInstanceOf(IndexlabException.class)
        .hasMessage(f + ":3: not a PostgreSQL log line (" + ServerLogFormat.SUPPORTED + ")");
    Path json = file("bad.json", "{\"message\":\"x\"}\n{not json\n");
    assertThatThrownBy(() -> ServerLog.read(json))
        .hasMessage(json + ":2: not a jsonlog record (" + ServerLogFormat.SUPPORTED + ")");
  }
}
