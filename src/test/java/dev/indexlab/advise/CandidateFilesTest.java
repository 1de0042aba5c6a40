package dev.indexlab.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import dev.indexlab.check.CandidateKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidateFilesTest {
  @TempDir Path dir;

  static Candidate songHistory() {
    Map<String, Double> numbers = new LinkedHashMap<>();
    numbers.put("referencingRows", 919039.0);
    numbers.put("shareRemoved", 0.9998);
    Reason fk =
        new Reason(
            Rule.UNINDEXED_FOREIGN_KEY,
            "song_history_user_id_fkey",
            null,
            null,
            null,
            numbers,
            "Foreign key song_history_user_id_fkey song_history (user_id) -> users (id) ON DELETE"
                + " CASCADE: every delete of a users row deletes the song_history rows that"
                + " reference it; without an index each one scans all ~919,039 rows.");
    Reason scan =
        new Reason(
            Rule.SEQ_SCAN_FILTER,
            "song_history_user_id_fkey",
            "users_delete",
            1,
            "Plan/Plans[0]",
            Map.of("rowsRemoved", 918892.0),
            "Seq Scan on song_history removes 918,892 rows.");
    return new Candidate(
        "idx_song_history_user_id_created_at",
        CandidateKind.CREATE_INDEX,
        List.of(
            new IndexSpec(
                "public",
                "song_history",
                "song_history_user_id_created_at_idx",
                "btree",
                List.of(IndexKey.asc("user_id"), new IndexKey("created_at", true, null)))),
        List.of(
            "CREATE INDEX song_history_user_id_created_at_idx ON public.song_history"
                + " (user_id, created_at DESC)"),
        List.of(fk, scan),
        "Index on song_history (user_id, created_at DESC)",
        List.of());
  }

  static WhatIfResult whatIf(Candidate c) {
    WhatIfStatement s =
        new WhatIfStatement(
            "trigger of song_history_user_id_fkey (ON DELETE CASCADE)",
            null,
            null,
            "DELETE FROM ONLY public.song_history WHERE user_id = ?",
            List.of(7L));
    return new WhatIfResult(
        c,
        WhatIfVerdict.PLANNER_USES,
        List.of("song_history_user_id_created_at_idx"),
        List.of(),
        List.of(new StatementWhatIf(s, 18262.05, 12.3, false, true, null)),
        "planner uses song_history_user_id_created_at_idx in 1 of 1 statements");
  }

  @Test
  void writesAFlywayFolderThatReadsBackTheSame() throws Exception {
    Candidate c = songHistory();
    CandidateWriter writer = new CandidateWriter(dir, 1000);
    CandidateWriter.Result result = writer.write(List.of(c), Map.of(c.name(), whatIf(c)));
    assertThat(result.kept()).isEmpty();
    CandidateFolder folder = result.written().get(0);
    assertThat(folder.directory().getFileName().toString())
        .isEqualTo("001_idx_song_history_user_id_created_at");
    Path migration = folder.migrations().get(0);
    assertThat(migration.getFileName().toString())
        .isEqualTo("V1001__idx_song_history_user_id_created_at.sql");
    String sql = Files.readString(migration);
    assertThat(sql)
        .startsWith("-- Candidate 001 idx_song_history_user_id_created_at: Index on song_history")
        .contains("-- * UNINDEXED_FOREIGN_KEY song_history_user_id_fkey\n")
        .contains(
            "-- * SEQ_SCAN_FILTER song_history_user_id_fkey, route users_delete, statement 2,"
                + " node Plan/Plans[0]\n")
        .contains("--   numbers: referencingRows=919039; shareRemoved=0.9998\n")
        .contains("What-if (EXPLAIN without ANALYZE, rolled back): PLANNER_USES")
        .contains("(ON DELETE CASCADE): 18262.05 -> 12.30 (-99.9%), uses")
        .endsWith(
            "--\nCREATE INDEX song_history_user_id_created_at_idx ON public.song_history"
                + " (user_id, created_at DESC);\n");
    assertThat(sql.lines()).allMatch(l -> l.length() <= 100);

    CandidateFolder back = CandidateReader.read(dir).get(0);
    assertThat(back.number()).isEqualTo(1);
    assertThat(back.candidate()).isEqualTo(c);
    assertThat(back.whatIfVerdict()).contains(WhatIfVerdict.PLANNER_USES);
    assertThat(back.productionMigrations())
        .singleElement()
        .satisfies(p -> assertThat(p.getParent().getFileName().toString()).isEqualTo("production"));
    assertThat(back.migrations()).containsExactly(migration);
  }

  @Test
  void keepsHandWrittenCandidatesAndNumbersNewOnesAfterThem() throws Exception {
    Path hand = Files.createDirectories(dir.resolve("007_playlist_next_song"));
    Files.writeString(
        hand.resolve("V1007_1__trgm.sql"),
        "-- Next song of a playlist without a window over every entry\n"
            + "CREATE INDEX CONCURRENTLY playlist_songs_playlist_id_id_idx\n"
            + "    ON playlist_songs USING btree (playlist_id, id DESC) WHERE id > 0;\n");
    Files.writeString(
        hand.resolve("V1007_2__more.sql"), "CREATE INDEX \"Odd\" ON \"S\".\"T\" (lower(\"A\"));\n");
    Path rewrite = Files.createDirectories(hand.resolve("rewrite"));
    Files.writeString(rewrite.resolve("playlist_play.sql"), "-- @route GET /x\nSELECT 1;\n");
    Files.writeString(
        rewrite.resolve("playlist_play_with_ad.sql"), "-- @route GET /y\nSELECT 1;\n");
    Path twin = Files.createDirectories(dir.resolve("002_same_thing_by_hand"));
    Files.writeString(
        twin.resolve("V1002__same.sql"),
        "CREATE INDEX mine ON public.songs USING btree (artist);\n");
    Path unnumbered = Files.createDirectories(dir.resolve("zz_unnumbered"));
    Files.writeString(unnumbered.resolve("V1009__x.sql"), "CREATE INDEX x ON t (a);\n");
    Files.writeString(dir.resolve("README.md"), "notes");

    CandidateWriter writer = new CandidateWriter(dir, 1000);
    Candidate c = songHistory();
    CandidateWriter.Result first = writer.write(List.of(c), Map.of());
    // after folder 007 and version 1009 of the unnumbered folder
    assertThat(first.written().get(0).number()).isEqualTo(10);
    Candidate artist =
        new Candidate(
            "idx_songs_artist",
            CandidateKind.CREATE_INDEX,
            List.of(
                new IndexSpec(
                    "public",
                    "songs",
                    "songs_artist_idx",
                    "btree",
                    List.of(IndexKey.asc("artist")))),
            List.of("CREATE INDEX songs_artist_idx ON public.songs (artist)"),
            List.of(),
            "Index on songs (artist)",
            List.of());
    CandidateWriter.Result again = writer.write(List.of(c, artist), Map.of());
    assertThat(again.written()).isEmpty();
    assertThat(again.kept())
        .containsExactly(c.name(), "idx_songs_artist (same indexes as 002_same_thing_by_hand)");

    List<CandidateFolder> all = CandidateReader.read(dir);
    assertThat(all)
        .extracting(f -> f.candidate().name())
        .containsExactly("same_thing_by_hand", "playlist_next_song", c.name(), "zz_unnumbered");
    assertThat(all.get(3).number()).isEqualTo(-1);
    Candidate handWritten = all.get(1).candidate();
    assertThat(handWritten.kind()).isEqualTo(CandidateKind.REWRITE);
    assertThat(handWritten.rewrites())
        .extracting(RouteRewrite::routeId)
        .containsExactly("playlist_play", "playlist_play_with_ad");
    assertThat(handWritten.description())
        .isEqualTo("Next song of a playlist without a window over every entry");
    assertThat(handWritten.reasons()).extracting(Reason::rule).containsExactly(Rule.HAND_WRITTEN);
    assertThat(handWritten.statements()).hasSize(2);
    assertThat(handWritten.indexes().get(0))
        .isEqualTo(
            new IndexSpec(
                "public",
                "playlist_songs",
                "playlist_songs_playlist_id_id_idx",
                "btree",
                List.of(IndexKey.asc("playlist_id"), new IndexKey("id", true, null))));
    assertThat(handWritten.indexes().get(1).name()).isEqualTo("Odd");
    assertThat(handWritten.indexes().get(1).table()).isEqualTo("T");
    assertThat(all.get(1).whatIfVerdict()).isEmpty();

    Path staged = all.get(1).stageMigrations(dir.resolve("../staged").normalize());
    try (var files = Files.list(staged)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("V1007_1__trgm.sql", "V1007_2__more.sql");
    }
  }

  @Test
  void versionBaseStaysAboveTheSchemaVersions() throws Exception {
    assertThat(CandidateWriter.versionBase(Optional.empty())).isEqualTo(1000);
    Path schema = Files.createDirectories(dir.resolve("schema"));
    Files.writeString(schema.resolve("V1__a.sql"), "");
    Files.writeString(schema.resolve("V20_1__b.sql"), "");
    assertThat(CandidateWriter.versionBase(Optional.of(schema))).isEqualTo(1000);
    Files.writeString(schema.resolve("V2024_03__c.sql"), "");
    assertThat(CandidateWriter.versionBase(Optional.of(schema))).isEqualTo(3000);
  }

  @Test
  void productionTextBuildsConcurrentlyUnderALockTimeout() {
    assertThat(ProductionMigration.statements(songHistory()).orElseThrow())
        .containsExactly(
            "SET lock_timeout = '5s'",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS song_history_user_id_created_at_idx ON"
                + " public.song_history (user_id, created_at DESC)",
            "RESET lock_timeout");
    Candidate drop =
        new Candidate(
            "drop_x",
            CandidateKind.DROP_INDEX,
            List.of(),
            List.of("DROP INDEX \"Sales\".x"),
            List.of(),
            "",
            List.of());
    assertThat(ProductionMigration.statements(drop).orElseThrow())
        .contains("DROP INDEX CONCURRENTLY IF EXISTS \"Sales\".x");
    Candidate other =
        new Candidate(
            "v",
            CandidateKind.CREATE_INDEX,
            List.of(),
            List.of("ALTER TABLE t ADD COLUMN x int"),
            List.of(),
            "",
            List.of());
    assertThat(ProductionMigration.statements(other)).isEmpty();
  }

  /** A folder whose properties say {@code api.changes=true}, with a route file under rewrite/. */
  private Path apiRewriteFolder(String properties, boolean withRewrite) throws Exception {
    Path folder = dir.resolve("010_library_keyset");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("candidate.properties"), properties);
    if (withRewrite) {
      Files.createDirectories(folder.resolve("rewrite"));
      Files.writeString(
          folder.resolve("rewrite/song_get_library.sql"),
          "-- @route GET /song/get_library/\n-- @param after_id sample: SELECT id FROM songs\n"
              + "-- @statement read a page\n"
              + "SELECT id FROM songs WHERE id > :after_id ORDER BY id LIMIT 5;\n");
    }
    return folder;
  }

  @Test
  void aRewriteMarkedAsChangingTheApiIsItsOwnKindAndWritesTheMarkBack() throws Exception {
    Path folder = apiRewriteFolder("description=Keyset pages\napi.changes = TRUE\n", true);
    Candidate c = CandidateReader.readFolder(folder).candidate();
    assertThat(c.kind()).isEqualTo(CandidateKind.API_REWRITE);
    assertThat(c.rewrites()).extracting(RouteRewrite::routeId).containsExactly("song_get_library");
    assertThat(CandidateProperties.lines(c, Optional.empty())).contains("api.changes=true");

    Files.writeString(folder.resolve("candidate.properties"), "api.changes=false\n");
    assertThat(CandidateReader.readFolder(folder).candidate().kind())
        .isEqualTo(CandidateKind.REWRITE);
  }

  @Test
  void aBadApiChangesMarkIsAUsageErrorNamingTheFile() throws Exception {
    Path noRewrite = apiRewriteFolder("api.changes=true\n", false);
    assertThatThrownBy(() -> CandidateReader.readFolder(noRewrite))
        .isInstanceOf(IndexlabException.class)
        .hasMessage(
            noRewrite.resolve("candidate.properties")
                + ": api.changes=true needs the new route in rewrite/<route id>.sql")
        .satisfies(e -> assertThat(((IndexlabException) e).status()).isEqualTo(2));
    Path folder = apiRewriteFolder("api.changes=yes\n", true);
    assertThatThrownBy(() -> CandidateReader.readFolder(folder))
        .hasMessageEndingWith(
            "candidate.properties: api.changes must be true or false, not \"yes\"");
    Files.writeString(folder.resolve("candidate.properties"), "api.changes=true\nkind=REWRITE\n");
    assertThatThrownBy(() -> CandidateReader.readFolder(folder))
        .hasMessageEndingWith("api.changes=true contradicts kind=REWRITE");
  }
}
