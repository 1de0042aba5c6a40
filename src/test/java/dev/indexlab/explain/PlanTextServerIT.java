package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.PgVersion;
import dev.indexlab.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text rendering of a JSON plan against the server's own text for the same statement, line by
 * line, with only the times masked. Both run in one transaction that is rolled back (DML inside
 * savepoints), after warm-up runs so buffer counts repeat; an attempt whose buffers still differ (a
 * page written or dirtied by chance) is retried, a rendering bug fails every attempt.
 *
 * <p>Every shape runs on the suite's server and on the oldest supported version, the previous
 * default and the newest ({@link #VERSIONS}), since EXPLAIN's text changes between majors
 * (PostgreSQL 18 prints fractional row counts, "Index Searches" and storage lines, for instance).
 */
class PlanTextServerIT {
  /** The versions besides the suite's own whose text the renderer must match. */
  static final List<PgVersion> VERSIONS = List.of(PgVersion.V14, PgVersion.V17, PgVersion.V18);

  private static final Map<PgVersion, ConnectionSpec> SHAPES = new EnumMap<>(PgVersion.class);
  private static final Map<PgVersion, ConnectionSpec> SONGSTACKIFY = new EnumMap<>(PgVersion.class);

  /** One statement to compare; {@code setup} runs first in the transaction. */
  record Shape(
      String name, boolean songstackify, String sql, List<Object> params, List<String> setup) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void databases() throws SQLException {
    for (PgVersion v : versions()) {
      SHAPES.put(v, ExplainTestData.shapes(v, "plantext"));
      SONGSTACKIFY.put(v, ExplainTestData.songstackifyWithRows(v, "plantext_ss"));
    }
  }

  /** The suite's version, then {@link #VERSIONS}, each once. */
  static List<PgVersion> versions() {
    Set<PgVersion> all = new LinkedHashSet<>();
    all.add(TestDatabases.version());
    all.addAll(VERSIONS);
    return List.copyOf(all);
  }

  /** Every shape on every version. */
  static Stream<Arguments> cases() {
    return versions().stream().flatMap(v -> shapes().map(s -> Arguments.of(v, s)));
  }

  static Stream<Shape> shapes() {
    List<String> noHashJoins =
        List.of("SET LOCAL enable_hashjoin = off", "SET LOCAL enable_mergejoin = off");
    return Stream.of(
        shape("seq scan with filter", "SELECT * FROM orders WHERE customer_id = 5"),
        shape("index scan", "SELECT * FROM orders WHERE id = 42"),
        shape(
            "bitmap heap and index scan",
            "SELECT * FROM orders WHERE status = 'open' AND amount < 3"),
        shape(
            "hash join",
            "SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id"
                + " WHERE c.\"Region\" = 'north' AND o.amount > 50"),
        new Shape(
            "nested loop with many loops",
            false,
            "SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id <= 40",
            List.of(),
            List.of(
                "SET LOCAL enable_hashjoin = off",
                "SET LOCAL enable_mergejoin = off",
                "SET LOCAL enable_material = off",
                "SET LOCAL enable_memoize = off",
                "SET LOCAL enable_indexscan = off",
                "SET LOCAL enable_bitmapscan = off")),
        new Shape(
            "nested loop with memoize",
            false,
            "SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.id < 20",
            List.of(),
            noHashJoins),
        shape(
            "sort with limit",
            "SELECT * FROM orders WHERE customer_id = 5 ORDER BY amount DESC LIMIT 3"),
        shape(
            "window over a CTE",
            "WITH t AS MATERIALIZED (SELECT id, customer_id,"
                + " lead(id) OVER (PARTITION BY customer_id ORDER BY id) AS next FROM orders)"
                + " SELECT * FROM t WHERE id = 77"),
        shape(
            "hash aggregate with having and sort",
            "SELECT customer_id, sum(amount) FROM orders GROUP BY customer_id"
                + " HAVING sum(amount) > 100 ORDER BY 2 DESC"),
        shape(
            "init plan and sub plan",
            "SELECT c.name, (SELECT count(*) FROM orders o WHERE o.customer_id = c.id)"
                + " FROM customers c WHERE c.id < 5 AND c.id <> (SELECT min(id) FROM customers)"),
        shape(
            "never executed",
            "SELECT * FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.id = -1"),
        new Shape(
            "sort spilling to disk",
            false,
            "SELECT o.*, c.name FROM orders o JOIN customers c ON c.id = o.customer_id"
                + " ORDER BY o.note",
            List.of(),
            List.of("SET LOCAL work_mem = '64kB'")),
        shape(
            "insert with a foreign key check",
            "INSERT INTO orders SELECT 100000 + g, g % 300, 'open', 1, NULL"
                + " FROM generate_series(1, 5) AS g"),
        shape("update", "UPDATE orders SET amount = amount + 1 WHERE id < 10"),
        new Shape(
            "parameterized statement",
            false,
            "SELECT * FROM orders WHERE customer_id = ? AND status = ?",
            List.of(7, "closed"),
            List.of()),
        new Shape(
            "delete user with foreign key cascades",
            true,
            "DELETE FROM users WHERE id = ?",
            List.of(5L),
            List.of()),
        new Shape(
            "delete song with nested cascades",
            true,
            "DELETE FROM songs WHERE id = ?",
            List.of(9L),
            List.of()),
        new Shape(
            "insert a link",
            true,
            "INSERT INTO links (song_id, platform_id, song_url) VALUES (?, 1, 'https://x')",
            List.of(12L),
            List.of()));
  }

  private static Shape shape(String name, String sql) {
    return new Shape(name, false, sql, List.of(), List.of());
  }

  @ParameterizedTest(name = "PostgreSQL {0}: {1}")
  @MethodSource("cases")
  void analyzeBuffersTextMatchesTheServer(PgVersion version, Shape shape) throws SQLException {
    compare(version, shape, "ANALYZE, BUFFERS", PlanTextRenderer.Options.ANALYZE_BUFFERS, true);
  }

  @ParameterizedTest(name = "PostgreSQL {0}: {1}")
  @MethodSource("cases")
  void settingsAndWalTextMatchesTheServer(PgVersion version, Shape shape) throws SQLException {
    compare(version, shape, "ANALYZE, BUFFERS, SETTINGS, WAL", PlanTextRenderer.Options.ALL, true);
  }

  @ParameterizedTest(name = "PostgreSQL {0}: {1}")
  @MethodSource("cases")
  void estimateOnlyTextMatchesTheServer(PgVersion version, Shape shape) throws SQLException {
    compare(version, shape, "BUFFERS, SETTINGS", PlanTextRenderer.Options.ALL, false);
  }

  private static void compare(
      PgVersion version,
      Shape shape,
      String textOptions,
      PlanTextRenderer.Options render,
      boolean analyze)
      throws SQLException {
    StatementExplainer explainer = new StatementExplainer();
    ConnectionSpec db = (shape.songstackify() ? SONGSTACKIFY : SHAPES).get(version);
    try (Connection c = db.open()) {
      c.setAutoCommit(false);
      setup(c, shape);
      List<String> expected = List.of();
      List<String> actual = List.of();
      for (int attempt = 0; attempt < 5; attempt++) {
        for (int warm = 0; warm < 2; warm++) {
          explainer.explain(c, shape.sql(), shape.params(), analyze);
        }
        expected = TimingMask.mask(text(c, textOptions, shape));
        ExplainResult r = explainer.explain(c, shape.sql(), shape.params(), analyze);
        assertThat(r.succeeded()).as(r.failureSummary()).isTrue();
        actual = TimingMask.mask(PlanTextRenderer.lines(r.plan(), render));
        if (actual.equals(expected)) {
          break;
        }
      }
      assertThat(actual).containsExactlyElementsOf(expected);
      c.rollback();
    }
  }

  private static void setup(Connection c, Shape shape) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String s : shape.setup()) {
        st.execute(s);
      }
    }
  }

  /** The server's text, in a savepoint that is rolled back. */
  private static List<String> text(Connection c, String options, Shape shape) throws SQLException {
    Savepoint sp = c.setSavepoint();
    List<String> lines = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN (" + options + ") " + shape.sql())) {
      for (int i = 0; i < shape.params().size(); i++) {
        ps.setObject(i + 1, shape.params().get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
    } finally {
      c.rollback(sp);
    }
    return lines;
  }
}
