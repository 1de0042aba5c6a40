package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.schema.TableChecksums;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StatementExplainerIT {
  private static ConnectionSpec db;
  private final StatementExplainer explainer = new StatementExplainer();

  @BeforeAll
  static void database() throws SQLException {
    db = ExplainTestData.songstackifyWithRows("explainer");
  }

  @Test
  void explainingADeleteInAutocommitModeChangesNoRow() throws SQLException {
    try (Connection c = db.open()) {
      Map<String, TableChecksums.Digest> before = TableChecksums.compute(c);
      ExplainResult r = explainer.explain(c, "DELETE FROM users WHERE id = ?;", List.of(5L), true);
      assertThat(r.succeeded()).as(r.failureSummary()).isTrue();
      assertThat(r.plan().root().operation()).isEqualTo("Delete");
      assertThat(r.plan().statementRows()).isEqualTo(1.0);
      assertThat(r.plan().triggers())
          .extracting(TriggerTime::constraintName)
          .contains("song_history_user_id_fkey", "users_playlist_position_user_id_fkey");
      assertThat(c.getAutoCommit()).isTrue();
      assertThat(TableChecksums.compute(c)).isEqualTo(before);
    }
  }

  @Test
  void insideTheCallersTransactionOnlyTheExplainIsRolledBack() throws SQLException {
    try (Connection c = db.open()) {
      Map<String, TableChecksums.Digest> before = TableChecksums.compute(c);
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.executeUpdate("INSERT INTO playlists (name) VALUES ('the caller''s row')");
      }
      ExplainResult r = explainer.explain(c, "DELETE FROM songs WHERE id = ?", List.of(9L), true);
      assertThat(r.succeeded()).as(r.failureSummary()).isTrue();
      assertThat(count(c, "SELECT count(*) FROM playlists WHERE name = 'the caller''s row'"))
          .isEqualTo(1);
      assertThat(count(c, "SELECT count(*) FROM songs WHERE id = 9")).isEqualTo(1);
      c.rollback();
      c.setAutoCommit(true);
      assertThat(TableChecksums.compute(c)).isEqualTo(before);
    }
  }

  @Test
  void statementsThatCannotBeExplainedAreFailuresNotExceptions() throws SQLException {
    try (Connection c = db.open()) {
      c.setAutoCommit(false);
      ExplainResult utility = explainer.explain(c, "VACUUM users", List.of(), true);
      assertThat(utility.succeeded()).isFalse();
      assertThat(utility.sqlState()).isEqualTo("42601");
      assertThat(utility.errorMessage()).contains("syntax error");
      assertThat(utility.failureSummary()).startsWith("42601: ");

      ExplainResult failing =
          explainer.explain(c, "SELECT 1 / (id - id) FROM users", List.of(), true);
      assertThat(failing.succeeded()).isFalse();
      assertThat(failing.sqlState()).isEqualTo("22012");

      ExplainResult missing = explainer.explain(c, "SELECT * FROM no_such_table", List.of(), false);
      assertThat(missing.sqlState()).isEqualTo("42P01");

      // the caller's transaction survived the failures
      assertThat(count(c, "SELECT count(*) FROM users")).isEqualTo(30);
      c.rollback();
    }
  }

  @Test
  void estimatesOnlyWithoutAnalyzeAndGenericPlans() throws SQLException {
    try (Connection c = db.open()) {
      ExplainResult r = explainer.explain(c, "DELETE FROM users WHERE id = ?", List.of(6L), false);
      assertThat(r.succeeded()).isTrue();
      assertThat(r.plan().analyzed()).isFalse();
      assertThat(r.plan().executionTimeMs()).isNull();
      PlanNode scan = r.plan().root().children().get(0);
      assertThat(scan.indexCond() != null ? scan.indexCond() : scan.filter())
          .isEqualTo("(id = '6'::bigint)");

      ExplainResult generic =
          explainer.explainGeneric(c, "SELECT * FROM song_history WHERE user_id = $1");
      assertThat(generic.succeeded()).as(generic.failureSummary()).isTrue();
      assertThat(generic.plan().root().filter()).isEqualTo("(user_id = $1)");
      assertThat(generic.plan().settings()).containsEntry("plan_cache_mode", "force_generic_plan");
      ExplainResult bad = explainer.explainGeneric(c, "SELECT * FROM song_history WHERE nope = $1");
      assertThat(bad.sqlState()).isEqualTo("42703");
      assertThat(
              count(c, "SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'indexlab%'"))
          .isZero();
      assertThat(c.getAutoCommit()).isTrue();
    }
  }

  @Test
  void bindsTextAndNullParameters() throws SQLException {
    try (Connection c = db.open()) {
      ExplainResult r =
          explainer.explain(
              c,
              "SELECT * FROM songs WHERE song_name LIKE ? OR album = ?",
              java.util.Arrays.asList("%1%", null),
              true);
      assertThat(r.succeeded()).as(r.failureSummary()).isTrue();
      assertThat(r.plan().root().filter()).contains("~~ '%1%'::text");
      assertThat(r.params()).containsExactly("%1%", null);
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
