package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.schema.TableChecksums;
import dev.indexlab.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How a drill-down reads the keys of the rows a DELETE removes. A sequence counts the rows the
 * cascade into {@code child_a} deletes (an AFTER DELETE trigger calls nextval, which no rollback
 * undoes), so the tests see how often the cascade ran: once for the statement's EXPLAIN ANALYZE and
 * once for the drill-down's own EXPLAIN of it; the key re-run adds nothing on a plain parent (no
 * cascades under {@code session_replication_role = replica}) and once, for both foreign keys
 * together, on a parent with a trigger of its own, which then must fire.
 */
class DrillDownKeysIT {
  private static ConnectionSpec db;
  private static ConnectionSpec notSuperuser;
  private final StatementExplainer explainer = new StatementExplainer();

  @BeforeAll
  static void databases() throws SQLException {
    db = TestDatabases.empty("drillkeys");
    schema(db);
    notSuperuser = TestDatabases.ownedByRoleWithoutCreatedb("drillkeys_role");
    schema(notSuperuser);
  }

  private static void schema(ConnectionSpec spec) throws SQLException {
    try (Connection c = spec.open();
        Statement st = c.createStatement()) {
      st.execute("CREATE SEQUENCE cascade_rows");
      st.execute(
          "CREATE FUNCTION count_row() RETURNS trigger LANGUAGE plpgsql AS"
              + " $$ BEGIN PERFORM nextval('cascade_rows'); RETURN OLD; END $$");
      // a BEFORE DELETE trigger that keeps odd rows: re-run without it, more keys would come back
      st.execute(
          "CREATE FUNCTION keep_odd() RETURNS trigger LANGUAGE plpgsql AS"
              + " $$ BEGIN IF OLD.id % 2 = 1 THEN RETURN NULL; END IF; RETURN OLD; END $$");
      for (String parent : List.of("plain_parent", "guarded_parent")) {
        st.execute("CREATE TABLE " + parent + " (id bigint PRIMARY KEY, grp int NOT NULL)");
        st.execute("INSERT INTO " + parent + " SELECT g, g % 3 FROM generate_series(1, 30) AS g");
        for (String child : List.of("child_a", "child_b")) {
          String table = parent + "_" + child;
          st.execute(
              "CREATE TABLE "
                  + table
                  + " (id bigserial PRIMARY KEY, parent_id bigint NOT NULL REFERENCES "
                  + parent
                  + " (id) ON DELETE CASCADE)");
          st.execute(
              "INSERT INTO "
                  + table
                  + " (parent_id) SELECT g % 30 + 1 FROM generate_series(1, 90) g");
        }
        st.execute(
            "CREATE TRIGGER count_rows AFTER DELETE ON "
                + parent
                + "_child_a FOR EACH ROW EXECUTE FUNCTION count_row()");
      }
      st.execute(
          "CREATE TRIGGER keep_odd BEFORE DELETE ON guarded_parent"
              + " FOR EACH ROW EXECUTE FUNCTION keep_odd()");
      st.execute("ANALYZE");
    }
  }

  private static long cascadeRows(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM cascade_rows")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private List<DrillDown> drill(Connection c, String sql, Object key) throws SQLException {
    Plan plan = explainer.explain(c, sql, List.of(key), true).plan();
    return new TriggerDrillDown(explainer, 0.0, 1).drillDown(c, sql, List.of(key), plan);
  }

  /** 30 rows for the EXPLAIN ANALYZE, 3 for the drill-down's EXPLAIN of one parent's rows. */
  @Test
  void onAPlainParentTheKeysAreReadWithoutRunningTheCascadesAgain() throws SQLException {
    assertPlainParentDrill(db, 33);
  }

  /**
   * A role that may not set session_replication_role gets the same keys the slower way: 30 more
   * rows for the one key re-run.
   */
  @Test
  void withoutThePrivilegeTheKeysAreReadWithTheCascadesOnce() throws SQLException {
    assertPlainParentDrill(notSuperuser, 63);
  }

  /**
   * Drills into deleting grp 0 of plain_parent (ids 3, 6, ..., 30: 10 parents, each with 3 rows in
   * child_a) on {@code spec}: both foreign keys' keys, no note, no row changed, and the cascade
   * into child_a deleting {@code cascadeRows} rows in all.
   */
  private void assertPlainParentDrill(ConnectionSpec spec, long cascadeRows) throws SQLException {
    try (Connection c = spec.open()) {
      Map<String, TableChecksums.Digest> before = TableChecksums.compute(c);
      long start = cascadeRows(c);
      List<DrillDown> drills = drill(c, "DELETE FROM plain_parent WHERE grp = ?", 0);
      assertThat(drills).hasSize(2);
      assertThat(drills).allSatisfy(d -> assertThat(d.affectedRows()).isEqualTo(10));
      assertThat(drills).allSatisfy(d -> assertThat(d.note()).isNull());
      assertThat(cascadeRows(c) - start).isEqualTo(cascadeRows);
      assertThat(TableChecksums.compute(c)).isEqualTo(before);
    }
  }

  @Test
  void aParentWithATriggerOfItsOwnIsReRunAsItIsOnceForAllItsForeignKeys() throws SQLException {
    try (Connection c = db.open()) {
      Map<String, TableChecksums.Digest> before = TableChecksums.compute(c);
      long start = cascadeRows(c);
      // grp 0: ids 3, 6, ..., 30; the BEFORE trigger keeps the odd ones (3, 9, ..., 27)
      List<DrillDown> drills = drill(c, "DELETE FROM guarded_parent WHERE grp = ?", 0);
      assertThat(drills).hasSize(2);
      assertThat(drills).allSatisfy(d -> assertThat(d.affectedRows()).isEqualTo(5));
      assertThat(drills).allSatisfy(d -> assertThat((Long) d.keyValues().get(0) % 2).isZero());
      // 15 rows for the EXPLAIN ANALYZE, 15 for one key re-run shared by both foreign keys,
      // 3 for the drill-down's EXPLAIN of one parent's rows
      assertThat(cascadeRows(c) - start).isEqualTo(33);
      assertThat(TableChecksums.compute(c)).isEqualTo(before);
    }
  }
}
