package dev.indexlab.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.cli.Main;
import dev.indexlab.db.BenchmarkSettings;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.EmbeddedTarget;
import dev.indexlab.report.RunResultsJson;
import dev.indexlab.results.RunResults;
import dev.indexlab.seed.Progress;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.seed.SeededDatabase;
import dev.indexlab.testing.FastRuns;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code indexlab capture} against an embedded server started with pg_stat_statements preloaded and
 * its log written as stderr, csvlog and jsonlog files: SongStackify at a small scale gets the
 * traffic an application sends (plain JDBC with parameters, writes rolled back), then the captured
 * workload runs against that database and finds the fixes of the hand-written workload.
 */
class CaptureIT {
  private static final double SCALE = 0.02;
  private static EmbeddedTarget server;
  private static Path logDir;
  private static ConnectionSpec db;
  private static final List<Long> DELETED_USERS = new ArrayList<>();

  @TempDir Path dir;

  @BeforeAll
  static void serverWithTraffic() throws Exception {
    FastRuns.allowConcurrentJmh();
    logDir = Files.createTempDirectory("indexlab-capture-log-");
    Map<String, String> settings = new java.util.LinkedHashMap<>(BenchmarkSettings.forEmbedded());
    settings.put("shared_preload_libraries", "pg_stat_statements");
    settings.put("logging_collector", "on");
    settings.put("log_directory", logDir.toString());
    settings.put("log_filename", "server.log");
    settings.put("log_destination", "stderr,csvlog,jsonlog");
    settings.put("log_min_duration_statement", "0");
    settings.put("log_parameter_max_length", "-1");
    server =
        EmbeddedTarget.start(
            dev.indexlab.db.PgVersion.DEFAULT, settings, new java.io.PrintWriter(System.err, true));
    SeededDatabase.seed(
        server,
        Workload.open(TestDatabases.songstackifyWorkload()),
        new SeedOptions(SCALE, 42, false),
        Progress.quiet());
    db = server.connection().withDatabase(SeededDatabase.DATABASE);
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      st.execute("CREATE EXTENSION pg_stat_statements");
      st.execute("SELECT pg_stat_statements_reset()");
    }
    playTraffic();
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    try (var files = Files.list(logDir)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(logDir);
  }

  /** What SongStackify's application sends, bound the way a JDBC application binds. */
  private static void playTraffic() throws Exception {
    try (Connection c = db.open()) {
      List<Long> users = ids(c, "SELECT id FROM users ORDER BY id");
      List<Long> songs = ids(c, "SELECT id FROM songs ORDER BY id DESC LIMIT 40");
      c.setAutoCommit(false);
      for (int i = 0; i < 6; i++) {
        long user = users.get(i * 2);
        run(c, "SELECT password FROM users WHERE id = ?", user);
        run(c, "DELETE FROM users WHERE id = ?", user);
        DELETED_USERS.add(user);
        c.rollback();
        long song = songs.get(i * 3);
        run(c, "SELECT authorization_key FROM songs WHERE id = ?", song);
        run(c, "DELETE FROM songs WHERE id = ?", song);
        c.rollback();
      }
      for (int i = 0; i < 10; i++) {
        run(
            c,
            "SELECT s.song_name, s.artist FROM song_history h JOIN songs s ON s.id = h.song_id"
                + " WHERE h.user_id = ? ORDER BY h.created_at DESC LIMIT 10",
            users.get(i % users.size()));
        run(c, "SELECT id, song_name, artist, album FROM songs LIMIT 5 OFFSET ?", (long) i * 7);
        run(
            c,
            "SELECT id, song_name FROM songs WHERE song_name LIKE ? LIMIT 10",
            "A" + (char) ('a' + i) + "%");
        run(c, "SELECT count(*) FROM songs WHERE length(song_name) > ?", (long) i + 3);
        run(c, "SELECT xmlelement(name song, song_name) FROM songs WHERE id = ?", songs.get(i));
        run(c, "SELECT relname FROM pg_class WHERE relname = ?", "songs");
        run(
            c,
            "INSERT INTO song_history (user_id, song_id) VALUES (?, ?)",
            users.get(i),
            songs.get(i));
        c.rollback();
      }
      c.setAutoCommit(true);
      run(c, "SELECT 'traffic done'");
    }
    awaitLogged("traffic done");
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      // the traffic is in the log; the runs' own statements need not be (logging slows them)
      st.execute("ALTER SYSTEM SET log_min_duration_statement = -1");
      st.execute("SELECT pg_reload_conf()");
    }
  }

  private static void run(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      if (ps.execute()) {
        try (ResultSet rs = ps.getResultSet()) {
          while (rs.next()) {
            rs.getObject(1);
          }
        }
      }
    }
  }

  private static List<Long> ids(Connection c, String sql) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  private static void awaitLogged(String marker) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    for (String name : List.of("server.log", "server.csv", "server.json")) {
      Path f = logDir.resolve(name);
      while (!(Files.exists(f) && Files.readString(f, StandardCharsets.UTF_8).contains(marker))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(f + " never logged " + marker);
        }
        Thread.sleep(50);
      }
    }
  }

  private record Outcome(int status, String out, String err) {}

  private static Outcome indexlab(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(status, out.toString(), err.toString());
  }

  private static List<String> capture(Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("capture", "--db", db.jdbcUrl(), "--user", db.user(), "--out", out.toString()));
    args.addAll(List.of(more));
    return args;
  }

  @Test
  void pgStatStatementsGivesRoutesWhoseRunFindsTheHandWrittenWorkloadsFixes() throws Exception {
    Path w = dir.resolve("captured");
    Outcome captured = indexlab(capture(w, "--share", "100", "--top", "30"));
    assertThat(captured.status()).as(captured.err()).isZero();
    assertThat(captured.out())
        .contains("from pg_stat_statements")
        .contains("1 skipped")
        .contains("skipped select_statement.sql: JSqlParser could not read it")
        .contains("1 parameters to fill in");

    String deleteUser = Files.readString(w.resolve("delete_users.sql"));
    assertThat(deleteUser)
        .contains("-- @route DELETE users")
        .contains("-- @description 6 calls, mean ")
        .contains("-- @weight 6")
        .contains("-- @param id sample: SELECT id FROM users WHERE id IS NOT NULL")
        .containsPattern("queryid -?\\d+")
        .contains("DELETE FROM users WHERE id = :id;");
    assertThat(Files.readString(w.resolve("select_song_history.sql")))
        .contains(
            "-- @param user_id sample: SELECT user_id FROM song_history TABLESAMPLE BERNOULLI")
        .containsPattern("-- @param limit int: \\d+\\.\\.\\d+")
        .contains("WHERE h.user_id = :user_id ORDER BY h.created_at DESC LIMIT :limit;");
    assertThat(Files.readString(w.resolve("insert_song_history.sql")))
        .contains("-- @param user_id sample: SELECT user_id FROM song_history")
        .contains("-- @param song_id sample: SELECT song_id FROM song_history");
    List<String> all = new ArrayList<>();
    for (Path p : Workload.open(w).routeFiles()) {
      all.add(Files.readString(p));
    }
    assertThat(String.join("\n", all))
        .contains("-- @param offset int: 0..")
        .contains("-- @param song_name sample: SELECT left(song_name, 3) || '%' FROM songs")
        .contains("-- @param p1 todo: $1 is integer, not compared with a column")
        .doesNotContain("pg_class")
        .doesNotContain("indexlab_seed_info")
        .doesNotContain("pg_stat_statements_reset");

    Outcome check =
        indexlab(
            List.of(
                "check", "--db", db.jdbcUrl(), "--user", db.user(), "--workload", w.toString()));
    assertThat(check.status()).isEqualTo(2);
    assertThat(check.err())
        .containsPattern(
            "select_songs(_\\d)?\\.sql:\\d+: @param p1 is to be filled in: \\$1 is integer")
        .doesNotContain("delete_users.sql")
        .doesNotContain("unknown parameter");

    Files.copy(
        TestDatabases.songstackifyWorkload().resolve("users_delete.sql"),
        w.resolve("users_delete.sql"));
    Files.copy(
        TestDatabases.songstackifyWorkload().resolve("song_remove.sql"),
        w.resolve("song_remove.sql"));
    RunResults r = runWorkload(w, "delete_users,delete_songs,users_delete,song_remove");
    assertFixesFoundWithTheSamePlans(
        r, "delete_users", "users_delete", "delete_songs", "song_remove");
  }

  @Test
  void aLogTheServerWroteGivesRoutesWithTheRealParameterValues() throws Exception {
    Map<String, Path> byFormat = new java.util.LinkedHashMap<>();
    for (String name : List.of("server.csv", "server.json", "server.log")) {
      Path w = dir.resolve("from-" + name.replace('.', '-'));
      Outcome o = indexlab(capture(w, "--log", logDir.resolve(name).toString(), "--share", "100"));
      assertThat(o.status()).as(name + ": " + o.err()).isZero();
      assertThat(o.out()).contains("from the server log " + name);
      byFormat.put(name, w);
    }
    Path csv = byFormat.get("server.csv");
    assertThat(Files.readString(csv.resolve("delete_users.sql")))
        .contains("-- @description 6 calls, mean ")
        .contains("-- @param id file: data/params/delete_users.csv")
        .contains("DELETE FROM users WHERE id = :id;");
    List<String> values = Files.readAllLines(csv.resolve("data/params/delete_users.csv"));
    assertThat(values.get(0)).isEqualTo("id:int8");
    assertThat(values.subList(1, values.size()))
        .containsExactlyElementsOf(DELETED_USERS.stream().map(u -> "\"" + u + "\"").toList());
    // the three formats of one log give the same routes and values
    for (Path other : List.of(byFormat.get("server.json"), byFormat.get("server.log"))) {
      for (String f :
          List.of(
              "delete_users.sql",
              "data/params/delete_users.csv",
              "data/params/insert_song_history.csv")) {
        assertThat(
                Files.readString(other.resolve(f))
                    .replaceAll("from the server log server\\.\\w+", ""))
            .as(other + "/" + f)
            .isEqualTo(
                Files.readString(csv.resolve(f))
                    .replaceAll("from the server log server\\.\\w+", ""));
      }
    }
    Outcome check =
        indexlab(
            List.of(
                "check", "--db", db.jdbcUrl(), "--user", db.user(), "--workload", csv.toString()));
    assertThat(check.err()).doesNotContain("delete_users").doesNotContain("delete_songs");

    RunResults r = runWorkload(csv, "delete_users,delete_songs");
    assertFixesFound(r);
    RunResults.ScenarioResult optimized = r.scenarios().get(r.scenarios().size() - 1);
    for (String route : List.of("delete_users", "delete_songs")) {
      assertThat(shape(optimized, route).toString())
          .as(route)
          .contains("song_history: ")
          .doesNotContain("Seq Scan on song_history");
    }
  }

  @Test
  void badInputGetsOneLineAndTheRightStatus() throws Exception {
    Outcome none = indexlab(capture(dir.resolve("none"), "--min-calls", "1000000"));
    assertThat(none.status()).isEqualTo(1);
    assertThat(none.err().strip())
        .startsWith("indexlab: no statement of database indexlab in pg_stat_statements is above")
        .doesNotContain("\n");
    assertThat(dir.resolve("none")).doesNotExist();

    ConnectionSpec plain = server.connection().withDatabase("postgres");
    Outcome notCreated =
        indexlab(
            List.of(
                "capture",
                "--db",
                plain.jdbcUrl(),
                "--user",
                plain.user(),
                "--out",
                dir.resolve("x").toString()));
    assertThat(notCreated.status()).isEqualTo(2);
    assertThat(notCreated.err().strip())
        .isEqualTo(
            "indexlab: pg_stat_statements is preloaded but not created in database postgres: run"
                + " CREATE EXTENSION pg_stat_statements there (it needs "
                + StatementStatistics.ENABLE
                + "), or give a server log with --log");

    ConnectionSpec other = TestDatabases.empty("capture_nopreload");
    Outcome notLoaded =
        indexlab(
            List.of(
                "capture",
                "--db",
                other.jdbcUrl(),
                "--user",
                other.user(),
                "--out",
                dir.resolve("y").toString()));
    assertThat(notLoaded.status()).isEqualTo(2);
    assertThat(notLoaded.err())
        .contains(
            "pg_stat_statements is not preloaded on this server (shared_preload_libraries = '')")
        .contains("CREATE EXTENSION pg_stat_statements");

    Path garbage = dir.resolve("app.log");
    Files.writeString(
        garbage,
        "2026-12-06 00:00:00 UTC LOG:  duration: 1.0 ms  statement: SELECT 1\nsomething else\n");
    Outcome badLog = indexlab(capture(dir.resolve("z"), "--log", garbage.toString()));
    assertThat(badLog.status()).isEqualTo(2);
    assertThat(badLog.err().strip())
        .isEqualTo(
            "indexlab: "
                + garbage
                + ":2: not a line of a PostgreSQL stderr log ("
                + ServerLogFormat.SUPPORTED
                + ")");
    Files.writeString(garbage, "hello\n");
    Outcome unknown = indexlab(capture(dir.resolve("z"), "--log", garbage.toString()));
    assertThat(unknown.err())
        .contains(garbage + ":1: not a PostgreSQL log line (supported: stderr");

    Path noSchema = Files.createDirectories(dir.resolve("no-schema"));
    Files.writeString(noSchema.resolve("a.sql"), "-- @route a\nSELECT 1;\n");
    assertThatThrownBy(
            () ->
                SeededDatabase.open(
                    server, Workload.open(noSchema), SeedOptions.defaults(), Progress.quiet()))
        .hasMessageContaining(
            "a workload without a schema runs only against the database it was" + " captured from");

    Path pgDump = Path.of("/usr/lib/postgresql/15/bin/pg_dump");
    if (Files.isExecutable(pgDump)) {
      Outcome dump =
          indexlab(capture(dir.resolve("d"), "--schema", "--pg-dump", pgDump.toString()));
      assertThat(dump.status()).isEqualTo(2);
      assertThat(dump.err().strip())
          .isEqualTo(
              "indexlab: --schema: "
                  + pgDump
                  + " is pg_dump 15, older than the server (PostgreSQL "
                  + dev.indexlab.db.PgVersion.DEFAULT.major()
                  + "), which pg_dump refuses to dump; use pg_dump "
                  + dev.indexlab.db.PgVersion.DEFAULT.major()
                  + " or newer (--pg-dump FILE), or leave out --schema");
      assertThat(dir.resolve("d")).doesNotExist();
    }

    Outcome embedded = indexlab(List.of("capture", "--out", dir.resolve("e").toString()));
    assertThat(embedded.status()).isEqualTo(2);
    assertThat(embedded.err()).contains("capture reads a running database");
  }

  private RunResults runWorkload(Path workload, String routes) throws Exception {
    Path results = dir.resolve("results-" + workload.getFileName());
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--db",
                db.jdbcUrl(),
                "--user",
                db.user(),
                "--workload",
                workload.toString(),
                "--routes",
                routes,
                "--iteration-time",
                "0.1",
                "--draws",
                "1",
                "--results",
                results.toString(),
                "--reports",
                dir.resolve("reports-" + workload.getFileName()).toString(),
                "--quiet"));
    args.addAll(FastRuns.CLI_PROFILE);
    Outcome run = indexlab(args);
    assertThat(run.status()).as(run.err()).isZero();
    return RunResultsJson.read(results.resolve(RunResultsJson.FILE_NAME));
  }

  private static final Pattern SCAN =
      Pattern.compile(
          "(Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan|Bitmap Index Scan)(?: using \\S+)? on (\\S+)");

  private static void assertFixesFound(RunResults r) {
    List<String> accepted = new ArrayList<>();
    r.candidates().stream()
        .filter(c -> c.decision().accepted())
        .forEach(c -> accepted.addAll(c.ddl()));
    String decisions =
        r.candidates().stream()
            .map(c -> c.id() + ": " + c.decision().describe())
            .collect(java.util.stream.Collectors.joining("\n"));
    assertThat(String.join("\n", accepted))
        .as(decisions)
        .containsPattern("song_history[^\\n]*\\(user_id")
        .containsPattern("song_history[^\\n]*\\(song_id");
  }

  private static void assertFixesFoundWithTheSamePlans(
      RunResults r, String capturedUser, String handUser, String capturedSong, String handSong) {
    assertFixesFound(r);
    RunResults.ScenarioResult optimized = r.scenarios().get(r.scenarios().size() - 1);
    assertThat(shape(optimized, capturedUser)).isNotEmpty().isEqualTo(shape(optimized, handUser));
    assertThat(shape(optimized, capturedSong)).isNotEmpty().isEqualTo(shape(optimized, handSong));
    assertThat(shape(optimized, capturedUser).toString())
        .contains("song_history")
        .doesNotContain("Seq Scan on song_history");
  }

  /** The scans of a route's DELETE and of its cascades' drill-downs: node, index, relation. */
  private static TreeSet<String> shape(RunResults.ScenarioResult s, String route) {
    RunResults.RouteResult rr = s.byId().get(route);
    assertThat(rr).as(route + " in " + s.name()).isNotNull();
    RunResults.StatementCapture delete = rr.statements().get(rr.statements().size() - 1);
    TreeSet<String> out = new TreeSet<>(delete.nodeTypes());
    for (RunResults.DrillDown d : delete.drillDowns()) {
      Matcher m = SCAN.matcher(d.planText());
      while (m.find()) {
        out.add(d.referencingTable() + ": " + m.group());
      }
    }
    return out;
  }
}
