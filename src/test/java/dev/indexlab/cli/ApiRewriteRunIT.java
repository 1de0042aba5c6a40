package dev.indexlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.report.ReportWriter;
import dev.indexlab.report.RunResultsJson;
import dev.indexlab.results.RunResults;
import dev.indexlab.testing.FastRuns;
import dev.indexlab.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code indexlab run} through the real command line on a small workload this test writes: a
 * library paged with OFFSET, a keyset rewrite of it marked {@code api.changes=true}, and a plain
 * index for another route. The rewrite is measured against the route with paired parameters, never
 * checked for equivalence, never accepted or credited, and the summary's "if the API changes" line
 * gives the figures results.json holds.
 */
class ApiRewriteRunIT {
  /** Ids 3, 6, 9, ...: a page's key is not its offset, so a wrong pairing shows. */
  static final String SCHEMA =
      """
      CREATE TABLE books (
          id bigint PRIMARY KEY,
          title text NOT NULL,
          shelf integer NOT NULL
      );

      INSERT INTO books (id, title, shelf)
      SELECT g * 3, 'book ' || g, g % 50
      FROM generate_series(1, 30000) AS g;
      """;

  static final String DESCRIPTION = "One page of 5 books at an offset, as the app pages its list.";

  static final String LIBRARY =
      """
      -- @route GET /library
      -- @description %s
      -- @param offset sample: SELECT o FROM generate_series(0,
      --   greatest((SELECT count(*) FROM books) - 5, 0), 5) AS o
      --
      -- @statement read a page
      SELECT id, title
      FROM books
      LIMIT 5 OFFSET :offset;
      """
          .formatted(DESCRIPTION);

  static final String KEYSET =
      """
      -- @route GET /library
      -- @description One page of 5 books after the last id the client saw.
      -- @param after_id sample: SELECT k.after_id
      --   FROM (SELECT row_number() OVER (ORDER BY id) - 1 AS pos,
      --                lag(id, 1, (SELECT min(id) - 1 FROM books)) OVER (ORDER BY id) AS after_id
      --         FROM books) AS k
      --   WHERE k.pos % 5 = 0
      --     AND k.pos <= greatest((SELECT count(*) FROM books) - 5, 0)
      --
      -- @statement read a page
      SELECT id, title
      FROM books
      WHERE id > :after_id
      ORDER BY id
      LIMIT 5;
      """;

  static final String SHELF =
      """
      -- @route GET /shelves/{shelf}/count
      -- @description How many books a shelf holds.
      -- @param shelf int: 0..49
      --
      -- @statement count
      SELECT count(*) AS books
      FROM books
      WHERE shelf = :shelf;
      """;

  @TempDir Path dir;

  @BeforeAll
  static void jmh() {
    FastRuns.allowConcurrentJmh();
  }

  private Path workload() throws Exception {
    Path w = dir.resolve("workload");
    Files.createDirectories(w.resolve("schema"));
    Files.writeString(w.resolve("workload.properties"), "name=keyset-pages\n");
    Files.writeString(w.resolve("schema/V1__books.sql"), SCHEMA);
    Files.writeString(w.resolve("library.sql"), LIBRARY);
    Files.writeString(w.resolve("shelf_count.sql"), SHELF);
    Path keyset = w.resolve("candidates/001_library_keyset");
    Files.createDirectories(keyset.resolve("rewrite"));
    Files.writeString(
        keyset.resolve("candidate.properties"),
        "description=Page the library by key instead of by offset\napi.changes=true\n");
    Files.writeString(keyset.resolve("rewrite/library.sql"), KEYSET);
    Path shelf = w.resolve("candidates/002_books_shelf");
    Files.createDirectories(shelf);
    Files.writeString(
        shelf.resolve("V1002__books_shelf.sql"),
        "-- Candidate: books (shelf) for the shelf count\n"
            + "CREATE INDEX books_shelf_idx ON books (shelf);\n");
    return w;
  }

  /** {@code indexlab run} of the test's workload on {@code db}, short, plus {@code extra}. */
  private int run(StringWriter err, ConnectionSpec db, Path results, Path reports, String... extra)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--workload",
                workload().toString(),
                "--db",
                db.jdbcUrl(),
                "--user",
                db.user(),
                "--force",
                "--no-advise",
                "--iteration-time",
                "0.1",
                "--draws",
                "3",
                "--results",
                results.toString(),
                "--reports",
                reports.toString()));
    args.addAll(List.of(extra));
    args.addAll(FastRuns.CLI_PROFILE);
    return Main.run(
        args.toArray(String[]::new),
        new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true));
  }

  @Test
  void aRewriteThatChangesTheApiIsMeasuredPairedAndReportedButNeverAccepted() throws Exception {
    ConnectionSpec db = TestDatabases.empty("api_rewrite");
    Path results = dir.resolve("results");
    Path reports = dir.resolve("reports");
    StringWriter err = new StringWriter();
    int status = run(err, db, results, reports);
    String log = err.toString();
    assertThat(status).as(log).isZero();

    RunResults r = RunResultsJson.read(results.resolve(RunResultsJson.FILE_NAME));
    RunResults.RouteResult before = r.scenarios().get(0).byId().get("library");
    assertThat(before.description()).isEqualTo(DESCRIPTION);

    RunResults.CandidateResult keyset =
        r.candidates().stream().filter(c -> c.id().equals("library_keyset")).findFirst().get();
    assertThat(keyset.kind()).isEqualTo("API_REWRITE");
    assertThat(keyset.equivalence()).startsWith("not checked: the rewrite changes the API");
    assertThat(keyset.decision().accepted()).isFalse();
    assertThat(keyset.decision().reason()).startsWith("changes the API").contains("library: ");
    assertThat(keyset.credited()).isEmpty();
    assertThat(keyset.affectedRoutes()).containsExactly("library");
    assertThat(log)
        .contains("   library_keyset: rejected — changes the API")
        .doesNotContain("library_keyset: looked at again")
        .doesNotContain("library_keyset: left out");

    // measured like a rewrite: EXPLAIN and JMH against the route it replaces
    assertThat(keyset.deltas()).hasSize(1);
    RunResults.RouteDelta d = keyset.deltas().get(0);
    assertThat(d.route()).isEqualTo("library");
    assertThat(d.usesCandidate()).isTrue();
    assertThat(d.explainAfterMs()).isLessThan(d.explainBeforeMs());
    assertThat(d.jmh()).isNotNull();
    assertThat(d.jmh().medianAfter()).isLessThan(d.jmh().medianBefore());
    // JMH side by side with a fresh baseline copy
    assertThat(results.resolve("side-by-side.library_keyset.baseline.library/bench.json"))
        .isRegularFile();
    assertThat(results.resolve("side-by-side.library_keyset.library/bench.json")).isRegularFile();

    // the same draw on both sides, asking for the same page: the key before the original's offset
    RunResults.RouteResult after =
        r.scenarios().stream()
            .filter(s -> s.name().equals("library_keyset"))
            .findFirst()
            .orElseThrow()
            .byId()
            .get("library");
    assertThat(after.statements().get(0).sql()).contains("WHERE id > :after_id");
    assertThat(after.draws().shown()).isEqualTo(before.draws().shown());
    long offset = Long.parseLong(before.draws().shownParameters().get("offset"));
    long afterId = Long.parseLong(after.draws().shownParameters().get("after_id"));
    assertThat(afterId).isEqualTo(keyBefore(db, offset));

    // never in the accepted set
    RunResults.ScenarioResult optimized = r.scenarios().get(r.scenarios().size() - 1);
    assertThat(optimized.name()).isEqualTo("optimized");
    assertThat(optimized.candidates()).doesNotContain("library_keyset");
    assertThat(optimized.byId().get("library").statements().get(0).sql())
        .contains("OFFSET :offset");

    String summary = Files.readString(reports.resolve(ReportWriter.SUMMARY));
    assertThat(summary).contains("### Changing the API (1)");
    Matcher line =
        Pattern.compile(
                "\\[library_keyset]\\(library_keyset\\.md\\), GET /library: if the API changes,"
                    + " EXPLAIN from ([0-9.,]+) ms to ([0-9.,]+) ms, an? [0-9.]+% improvement;"
                    + " JMH median from ([0-9.,]+) ms to ([0-9.,]+) ms, an? [0-9.]+% improvement"
                    + " \\(([0-9,]+) and ([0-9,]+) samples\\)\\.")
            .matcher(summary);
    assertThat(line.find()).as(summary).isTrue();
    assertThat(number(line.group(1))).isCloseTo(d.explainBeforeMs(), printed(d.explainBeforeMs()));
    assertThat(number(line.group(2))).isCloseTo(d.explainAfterMs(), printed(d.explainAfterMs()));
    assertThat(number(line.group(3)))
        .isCloseTo(d.jmh().medianBefore(), printed(d.jmh().medianBefore()));
    assertThat(number(line.group(4)))
        .isCloseTo(d.jmh().medianAfter(), printed(d.jmh().medianAfter()));
    assertThat(number(line.group(5))).isEqualTo(d.jmh().nBefore());
    assertThat(number(line.group(6))).isEqualTo(d.jmh().nAfter());
    assertThat(summary.indexOf(line.group())).isGreaterThan(summary.indexOf("## What indexes"));

    String page = Files.readString(reports.resolve("library_keyset.md"));
    assertThat(page)
        .contains("**Changes the API: measured, never accepted.** Candidate `library_keyset`")
        .contains(
            "Its plan before, run with `offset = "
                + offset
                + "`, and after, run with `after_id = "
                + afterId
                + "`")
        .contains("**Equivalence check:** not checked: the rewrite changes the API");
  }

  /**
   * On a database whose role may not create databases, with {@code --in-place}: the rewrite is
   * measured on the database itself against the baseline's start-of-run timing (two copies cannot
   * exist at once), still never accepted, and the database is left as it was.
   */
  @Test
  void inPlaceTheRewriteIsMeasuredAgainstTheBaselineAndTheDatabaseLeftAlone() throws Exception {
    ConnectionSpec db = TestDatabases.ownedByRoleWithoutCreatedb("api_rewrite_inplace");
    Path results = dir.resolve("results");
    StringWriter err = new StringWriter();
    int status =
        run(
            err,
            db,
            results,
            dir.resolve("reports"),
            "--password",
            db.password(),
            "--in-place",
            "--routes",
            "library");
    assertThat(status).as(err.toString()).isZero();

    RunResults r = RunResultsJson.read(results.resolve(RunResultsJson.FILE_NAME));
    assertThat(r.meta().sideBySide()).isFalse();
    RunResults.CandidateResult keyset =
        r.candidates().stream().filter(c -> c.id().equals("library_keyset")).findFirst().get();
    assertThat(keyset.decision().accepted()).isFalse();
    assertThat(keyset.decision().reason()).startsWith("changes the API");
    assertThat(keyset.deltas()).singleElement().satisfies(d -> assertThat(d.jmh()).isNotNull());
    assertThat(results.resolve("side-by-side.library_keyset.baseline.library")).doesNotExist();
    assertThat(r.scenarios().get(r.scenarios().size() - 1).candidates())
        .doesNotContain("library_keyset");
    // the shelf index is not measured here (its route is not in the run), and nothing stays
    try (Connection c = db.open();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM pg_indexes WHERE tablename = 'books' AND indexname <> ?")) {
      ps.setString(1, "books_pkey");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  /** The id of the row just before the page at {@code offset} in id order (below all for 0). */
  /**
   * How far a figure the page prints can be from the field it came from: 1%, or half a unit of the
   * third decimal that figures under 1 ms are printed to (0.038592 prints as 0.039).
   */
  private static org.assertj.core.data.Offset<Double> printed(double value) {
    return within(Math.max(Math.abs(value) / 100, 0.0005));
  }

  private static long keyBefore(ConnectionSpec db, long offset) throws Exception {
    String sql =
        offset == 0
            ? "SELECT min(id) - 1 FROM books"
            : "SELECT id FROM books ORDER BY id OFFSET ? LIMIT 1";
    try (Connection c = db.open();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (offset > 0) {
        ps.setLong(1, offset - 1);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static double number(String text) {
    return Double.parseDouble(text.replace(",", ""));
  }
}
