package dev.indexlab.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.cli.Main;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseAdmin;
import dev.indexlab.db.JdbcUrlTarget;
import dev.indexlab.seed.Progress;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.seed.SeededDatabase;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate end to end on the embedded server at scale 0.05, through the real command line: a
 * baseline of the optimized SongStackify (bundled schema plus the accepted indexes), a gate with
 * the same schema that passes, and gates without song_history(user_id) that fail on plan shape.
 * Times never decide here: the time threshold is set out of reach, as timing on a shared machine is
 * no test.
 */
class GateIT {
  static final String INDEXES =
      "CREATE INDEX song_history_song_id_index ON song_history (song_id);\n"
          + "CREATE INDEX links_song_id_index ON links (song_id);\n"
          + "CREATE INDEX playlist_songs_song_id_index ON playlist_songs (song_id);\n"
          + "CREATE INDEX users_playlist_position_user_id_index"
          + " ON users_playlist_position (user_id);\n";
  static final String USER_ID_INDEX =
      "CREATE INDEX song_history_user_id_index ON song_history (user_id);\n";
  static final String ROUTES = "users_delete,song_get_library";
  static final String[] QUIET_TIME = {"--threshold", "1000%", "--large-table", "1000"};

  @TempDir static Path work;
  static Path optimized;
  static Path withoutUserId;
  static ConnectionSpec template;

  @BeforeAll
  static void seedTheOptimizedWorkloadOnce() throws Exception {
    withoutUserId = copyWorkload(work.resolve("without"));
    Files.writeString(withoutUserId.resolve("schema/V2__accepted_indexes.sql"), INDEXES);
    optimized = copyWorkload(work.resolve("optimized"));
    Files.writeString(optimized.resolve("schema/V2__accepted_indexes.sql"), INDEXES);
    Files.writeString(optimized.resolve("schema/V3__song_history_user_id.sql"), USER_ID_INDEX);
    template = TestDatabases.empty("gate_template");
    SeededDatabase.seed(
        JdbcUrlTarget.connect(template.jdbcUrl(), template.user(), template.password()),
        Workload.open(optimized),
        new SeedOptions(0.05, 42, true),
        Progress.quiet());
  }

  static Path copyWorkload(Path to) throws IOException {
    Path from = TestDatabases.songstackifyWorkload();
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  /** A fresh copy of the seeded template, so every run starts from the same pages. */
  static ConnectionSpec copy(String name) throws Exception {
    String db = template.database() + "_" + name;
    DatabaseAdmin admin = new DatabaseAdmin(template);
    admin.dropIfExists(db);
    admin.createFromTemplate(db, template.database());
    return template.withDatabase(db);
  }

  record Run(int exit, String out, String err) {}

  static Run indexlab(ConnectionSpec db, List<String> args) {
    return indexlab(db, args, true);
  }

  /** {@code quiet}: with {@code -q}, which keeps only the lines that report a problem. */
  static Run indexlab(ConnectionSpec db, List<String> args, boolean quiet) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of("--db", db.jdbcUrl(), "--user", db.user(), "--routes", ROUTES));
    if (quiet) {
      all.add("-q");
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.run(
            all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  static List<String> gate(Path baseline, Path workload, String name) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "gate",
                "--baseline",
                baseline.toString(),
                "--workload",
                workload.toString(),
                "--junit",
                work.resolve(name + ".xml").toString(),
                "--summary",
                work.resolve(name + ".md").toString()));
    args.addAll(List.of(QUIET_TIME));
    return args;
  }

  @Test
  void theSameSchemaPassesAndADroppedIndexFailsOnPlanShape() throws Exception {
    Path baseline = work.resolve("baseline.json");
    Run saved =
        indexlab(
            copy("saved"),
            List.of("baseline", "save", baseline.toString(), "--workload", optimized.toString()));
    assertThat(saved.exit()).as(saved.err()).isZero();
    Baseline b = BaselineFile.read(baseline);
    assertThat(b.meta().scale()).isEqualTo(0.05);
    assertThat(b.routes())
        .extracting(RouteSnapshot::id)
        .containsExactly("users_delete", "song_get_library");
    StatementSnapshot delete = b.route("users_delete").orElseThrow().statements().get(1);
    assertThat(delete.indexesUsed()).contains("song_history_user_id_index");
    assertThat(b.route("users_delete").orElseThrow().samples()).isNotEmpty();

    Run same = indexlab(copy("same"), gate(baseline, optimized, "same"));
    assertThat(same.exit()).as(same.out() + same.err()).isZero();
    assertThat(same.out()).isEqualTo("indexlab gate: PASS 2 passed\n");

    ConnectionSpec dropped = copy("dropped");
    try (Connection c = dropped.open();
        Statement st = c.createStatement()) {
      st.execute("DROP INDEX song_history_user_id_index");
    }
    Run fail = indexlab(dropped, gate(baseline, optimized, "dropped"));
    assertThat(fail.exit()).as(fail.out() + fail.err()).isEqualTo(1);
    assertThat(fail.out())
        .startsWith("indexlab gate: FAIL 1 regression (users_delete: ")
        .contains("→ Seq Scan on song_history")
        .endsWith(", 1 passed\n");
    String junit = Files.readString(work.resolve("dropped.xml"));
    assertThat(junit)
        .contains("failures=\"1\"")
        .contains("index song_history_user_id_index no longer used")
        .containsPattern("(Bitmap Index Scan on|Index Scan using) song_history_user_id_index")
        .contains("Seq Scan on song_history  (cost=");
    assertThat(Files.readString(work.resolve("dropped.md"))).contains("### Regressions");
  }

  @Test
  void interleavedAbFailsWhenHeadDropsAnIndexBaseHad() throws Exception {
    ConnectionSpec empty = TestDatabases.empty("gate_ab");
    List<String> args =
        new ArrayList<>(
            List.of(
                "gate",
                "--base",
                optimized.toString(),
                "--head",
                withoutUserId.toString(),
                "--scale",
                "0.05",
                "--force",
                "--rounds",
                "3",
                "--summary",
                work.resolve("ab.md").toString()));
    args.addAll(List.of(QUIET_TIME));

    Run r = indexlab(empty, args, false); // the progress shows the rounds alternating

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).startsWith("indexlab gate: FAIL 1 regression (users_delete: ");
    String md = Files.readString(work.resolve("ab.md"));
    assertThat(md)
        .contains("Interleaved A/B run: base = directory " + optimized)
        .contains("3 round(s)")
        .contains("base's copy of the data got its 1 extra migration(s)");
    assertThat(r.err()).contains("gate: measuring users_delete (base, round 2/3)");
    try (Connection c = TestDatabases.server().connection().open();
        Statement st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT count(*) FROM pg_database WHERE datname LIKE '"
                    + empty.database()
                    + "_gate%'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("the A/B copies are dropped").isZero();
    }
  }
}
