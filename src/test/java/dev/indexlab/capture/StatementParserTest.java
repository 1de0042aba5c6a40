package dev.indexlab.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.capture.ParameterUse.How;
import dev.indexlab.capture.ParameterUse.TableRef;
import java.util.List;
import net.sf.jsqlparser.JSQLParserException;
import org.junit.jupiter.api.Test;

class StatementParserTest {

  private static ParameterUse.Column column(String table, String column, How how) {
    return new ParameterUse.Column(List.of(new TableRef(null, table)), column, how);
  }

  @Test
  void aJoinThroughAliasesResolvesEachPlaceholderToItsTable() throws Exception {
    ParsedStatement p =
        StatementParser.parse(
            "SELECT s.id FROM songs s JOIN song_history h ON h.song_id = s.id"
                + " WHERE h.user_id = $1 AND s.album ILIKE $2 AND $3 <= h.played_at"
                + " ORDER BY h.played_at DESC LIMIT $4 OFFSET $5");
    assertThat(p.verb()).isEqualTo("SELECT");
    assertThat(p.mainTable()).isEqualTo(new TableRef(null, "songs"));
    assertThat(p.tables())
        .containsExactly(new TableRef(null, "songs"), new TableRef(null, "song_history"));
    assertThat(p.uses())
        .containsEntry(1, column("song_history", "user_id", How.EQUALS))
        .containsEntry(2, column("songs", "album", How.ILIKE))
        .containsEntry(3, column("song_history", "played_at", How.RANGE))
        .containsEntry(4, new ParameterUse.Limit())
        .containsEntry(5, new ParameterUse.Offset(new TableRef(null, "songs")));
  }

  @Test
  void inBetweenAndCastsAreLookedThrough() throws Exception {
    ParsedStatement p =
        StatementParser.parse(
            "SELECT * FROM public.\"Songs\" WHERE id IN ($1, $2) AND n BETWEEN $3 AND $4"
                + " AND \"Artist\" = $5::text AND name LIKE $6");
    TableRef songs = new TableRef("public", "\"Songs\"");
    assertThat(p.uses().get(1))
        .isEqualTo(new ParameterUse.Column(List.of(songs), "id", How.EQUALS));
    assertThat(p.uses().get(2))
        .isEqualTo(new ParameterUse.Column(List.of(songs), "id", How.EQUALS));
    assertThat(p.uses().get(4)).isEqualTo(new ParameterUse.Column(List.of(songs), "n", How.RANGE));
    assertThat(p.uses().get(5))
        .isEqualTo(new ParameterUse.Column(List.of(songs), "Artist", How.EQUALS));
    assertThat(p.uses().get(6))
        .isEqualTo(new ParameterUse.Column(List.of(songs), "name", How.LIKE));
    assertThat(songs.plainName()).isEqualTo("Songs");
  }

  @Test
  void writesMapPlaceholdersToTheirColumns() throws Exception {
    ParsedStatement insert =
        StatementParser.parse("INSERT INTO links (song_id, url) VALUES ($1, $2) RETURNING id");
    assertThat(insert.verb()).isEqualTo("INSERT");
    assertThat(insert.uses())
        .containsEntry(1, column("links", "song_id", How.WRITTEN))
        .containsEntry(2, column("links", "url", How.WRITTEN));
    ParsedStatement update = StatementParser.parse("UPDATE users SET mood = $1 WHERE id = $2");
    assertThat(update.mainTable()).isEqualTo(new TableRef(null, "users"));
    assertThat(update.uses())
        .containsEntry(1, column("users", "mood", How.WRITTEN))
        .containsEntry(2, column("users", "id", How.EQUALS));
    ParsedStatement delete = StatementParser.parse("DELETE FROM users WHERE id = $1");
    assertThat(delete.verb()).isEqualTo("DELETE");
    assertThat(delete.uses()).containsEntry(1, column("users", "id", How.EQUALS));
  }

  @Test
  void aPlaceholderUsedInAnExpressionIsNotGuessed() throws Exception {
    ParsedStatement p =
        StatementParser.parse("SELECT id FROM t WHERE a + $1 > 3 AND b = lower($2)");
    assertThat(p.uses()).isEmpty();
  }

  @Test
  void utilityStatementsAreToldApartFromData() {
    assertThat(StatementParser.dataVerb("/* c */ (SELECT 1)")).contains("SELECT");
    assertThat(StatementParser.dataVerb("with x as (select 1) delete from t")).contains("WITH");
    assertThat(StatementParser.dataVerb("BEGIN")).isEmpty();
    assertThat(StatementParser.dataVerb("COPY t FROM STDIN")).isEmpty();
    assertThat(StatementParser.dataVerb("SET search_path = $1")).isEmpty();
  }

  @Test
  void somethingJSqlParserCannotReadIsAnException() {
    assertThatThrownBy(() -> StatementParser.parse("SELECT FROM WHERE (("))
        .isInstanceOf(JSQLParserException.class);
  }
}
