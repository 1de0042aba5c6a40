package dev.indexlab.report;

import dev.indexlab.results.Finding;
import dev.indexlab.results.FindingKind;
import dev.indexlab.results.RunResults;
import dev.indexlab.results.RunResults.Build;
import dev.indexlab.results.RunResults.CandidateResult;
import dev.indexlab.results.RunResults.Decision;
import dev.indexlab.results.RunResults.Draws;
import dev.indexlab.results.RunResults.DrillDown;
import dev.indexlab.results.RunResults.Meta;
import dev.indexlab.results.RunResults.RouteDelta;
import dev.indexlab.results.RunResults.RouteResult;
import dev.indexlab.results.RunResults.ScenarioResult;
import dev.indexlab.results.RunResults.StatementCapture;
import dev.indexlab.results.RunResults.Timing;
import dev.indexlab.results.RunResults.Trigger;
import dev.indexlab.results.RunResults.WhatIf;
import dev.indexlab.stats.HistogramEntry;
import dev.indexlab.stats.Significance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small but realistic SongStackify run: baseline, two accepted candidates (an index whose
 * delete-user plan is trigger-dominated, and a rewrite of playlist play), one rejected candidate,
 * the optimized scenario, and one route that fails everywhere.
 */
public final class RunResultsFixture {
  static final String DELETE_USER = "users_delete";
  static final String FAILED_ROUTE = "song_link_add";
  static final String FAILED_REASON =
      "could not serialize access due to read/write dependencies among transactions";

  static final String DELETE_USER_SQL = "DELETE FROM users WHERE id = :user_id";
  static final String CASCADE_SQL = "DELETE FROM ONLY song_history WHERE user_id = 417";
  static final String PLAY_SQL_BEFORE =
      "WITH ordered AS (SELECT id, song_id, playlist_id, LEAD(id) OVER (PARTITION BY playlist_id"
          + " ORDER BY id) AS next_id FROM playlist_songs)\n"
          + "SELECT o.song_id, o.next_id FROM ordered o WHERE o.id = :position";
  static final String PLAY_SQL_AFTER =
      "SELECT cur.song_id, (SELECT n.id FROM playlist_songs n WHERE n.playlist_id ="
          + " cur.playlist_id AND n.id > cur.id ORDER BY n.id LIMIT 1) AS next_id\n"
          + "FROM playlist_songs cur WHERE cur.id = :position";

  private RunResultsFixture() {}

  /** Baseline means (ms) by route id, in the order the routes are listed. */
  static final Map<String, Double> BASELINE_MEAN = new LinkedHashMap<>();

  /** Optimized means (ms) by route id. */
  static final Map<String, Double> OPTIMIZED_MEAN = new LinkedHashMap<>();

  /** Route names by id. */
  static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    route("ad_create", "POST /ad/create", 0.214, 0.209);
    route("mood_refresh", "mood refresh (background job)", 48.6, 0.412);
    route("playlist_create", "POST /playlist/create", 0.188, 0.191);
    route("playlist_play", "GET /playlist/{playlist_id}/play (No Ad)", 412.7, 1.38);
    route("playlist_play_with_ad", "GET /playlist/{playlist_id}/play (With Ad)", 415.3, 1.52);
    route("playlist_songs_add", "POST /playlist/{playlist_id}/songs/add", 0.231, 0.236);
    route("song_add", "POST /song/add", 0.402, 0.398);
    route("song_get_library", "GET /song/get_library/", 0.087, 0.088);
    route(FAILED_ROUTE, "POST /song/link/add", Double.NaN, Double.NaN);
    route("song_play", "GET /song/{song_id}/play (No Ad)", 0.356, 0.371);
    route("song_play_with_ad", "GET /song/{song_id}/play (With Ad)", 0.297, 0.301);
    route("song_remove", "POST /song/{song_id}/remove", 96.4, 0.94);
    route("song_search", "GET /song/search/{query}", 2.61, 2.58);
    route("users_create", "POST /users/create", 0.173, 0.176);
    route(DELETE_USER, "POST /users/delete/{user_id}", 66.12, 1.91);
    route("users_platform", "POST /users/platform", 0.244, 0.239);
  }

  private static void route(String id, String name, double before, double after) {
    NAMES.put(id, name);
    BASELINE_MEAN.put(id, before);
    OPTIMIZED_MEAN.put(id, after);
  }

  public static RunResults results() {
    Map<String, String> settings = new TreeMap<>();
    settings.put("shared_buffers", "128MB");
    settings.put("work_mem", "4MB");
    settings.put("random_page_cost", "4");
    settings.put("jit", "off");
    Meta meta =
        new Meta(
            "2026-11-28T10:15:00Z",
            "0.1.0",
            "PostgreSQL 17.6 on x86_64-pc-linux-gnu",
            settings,
            "jdbc:postgresql://db.example:5432/songs?user=bench&password=hunter2",
            "SongStackify",
            1,
            42,
            "quick",
            false,
            1,
            2,
            8L * 1024 * 1024 * 1024,
            "17.0.12",
            "Linux 6.8 amd64",
            Meta.COPIES,
            new RunResults.Rule(0.2, 0.05, 0.1, 0.5));
    List<ScenarioResult> scenarios = new ArrayList<>();
    scenarios.add(baseline());
    scenarios.add(
        new ScenarioResult(
            "song_history_user_id",
            List.of("song_history_user_id"),
            List.of(deleteUser(false, true), timed("mood_refresh", 0.43, "song_history_user_id")),
            List.of()));
    scenarios.add(
        new ScenarioResult(
            "playlist_play_next_entry",
            List.of("playlist_play_next_entry"),
            List.of(playlistPlay(true)),
            List.of()));
    scenarios.add(
        new ScenarioResult(
            "songs_name_trgm",
            List.of("songs_name_trgm"),
            List.of(timed("song_search", 2.63, "songs_name_trgm")),
            List.of()));
    scenarios.add(optimized());
    return new RunResults(meta, scenarios, List.of(indexCandidate(), rewrite(), rejected()));
  }

  private static ScenarioResult baseline() {
    List<RouteResult> routes = new ArrayList<>();
    for (String id : NAMES.keySet()) {
      if (id.equals(DELETE_USER)) {
        routes.add(deleteUser(true, false));
      } else if (id.equals("playlist_play")) {
        routes.add(playlistPlay(false));
      } else if (id.equals(FAILED_ROUTE)) {
        routes.add(failed());
      } else {
        routes.add(timed(id, BASELINE_MEAN.get(id), "baseline"));
      }
    }
    return new ScenarioResult("baseline", List.of(), routes, List.of());
  }

  private static ScenarioResult optimized() {
    List<RouteResult> routes = new ArrayList<>();
    for (String id : NAMES.keySet()) {
      if (id.equals(DELETE_USER)) {
        routes.add(deleteUser(false, false));
      } else if (id.equals("playlist_play")) {
        routes.add(playlistPlay(true));
      } else if (id.equals(FAILED_ROUTE)) {
        routes.add(failed());
      } else {
        routes.add(timed(id, OPTIMIZED_MEAN.get(id), "optimized"));
      }
    }
    return new ScenarioResult(
        "optimized",
        List.of("song_history_user_id", "playlist_play_next_entry"),
        routes,
        List.of());
  }

  private static RouteResult failed() {
    return new RouteResult(
        FAILED_ROUTE,
        NAMES.get(FAILED_ROUTE),
        "song_link_add.sql",
        3,
        true,
        null,
        List.of(),
        FAILED_REASON,
        null,
        null,
        null);
  }

  /** A route with one simple statement whose JMH mean is {@code mean}. */
  private static RouteResult timed(String id, double mean, String scenario) {
    String sql = "SELECT 1 /* " + id + " */";
    String plan =
        "Result  (cost=0.00..0.01 rows=1 width=4) (actual time=0.001..0.001 rows=1 loops=1)\n"
            + "Planning Time: 0.010 ms\n"
            + "Execution Time: "
            + String.format(java.util.Locale.ROOT, "%.3f", mean * 0.8)
            + " ms";
    StatementCapture s =
        new StatementCapture(
            0,
            "main",
            sql,
            mean * 0.8,
            mean * 0.7,
            mean * 0.9,
            0.01,
            12,
            0,
            0,
            plan,
            "plans/" + scenario + "/" + id + "/1.json",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of("Result"),
            null,
            0,
            -1);
    return new RouteResult(
        id, NAMES.get(id), id + ".sql", 1, false, timing(mean), List.of(s), null, null, null, null);
  }

  static Timing timing(double mean) {
    List<HistogramEntry> histogram = new ArrayList<>();
    long[] counts = {3, 40, 310, 980, 420, 130, 25, 4};
    double lo = mean * 0.55;
    double factor = Math.pow(3.2 / 0.55, 1.0 / counts.length);
    long total = 0;
    for (long c : counts) {
      histogram.add(new HistogramEntry(lo, lo * factor, c));
      lo *= factor;
      total += c;
    }
    return new Timing(
        mean,
        mean * 0.03,
        dev.indexlab.stats.LogHistogram.quantile(histogram, 0.50),
        dev.indexlab.stats.LogHistogram.quantile(histogram, 0.90),
        dev.indexlab.stats.LogHistogram.quantile(histogram, 0.95),
        dev.indexlab.stats.LogHistogram.quantile(histogram, 0.99),
        lo,
        total,
        histogram,
        null,
        values(histogram));
  }

  /** Parameter values in the order given, as the route declares them. */
  static Map<String, String> orderedParameters(String... nameValue) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      m.put(nameValue[i], nameValue[i + 1]);
    }
    return m;
  }

  /** Sample values spread evenly through each bucket of the histogram, thinned to 200. */
  static double[] values(List<HistogramEntry> histogram) {
    List<Double> all = new ArrayList<>();
    for (HistogramEntry b : histogram) {
      long n = (long) b.count();
      for (long i = 0; i < n; i++) {
        all.add(b.from() + (b.to() - b.from()) * (i + 0.5) / n);
      }
    }
    int keep = Math.min(200, all.size());
    double[] out = new double[keep];
    for (int i = 0; i < keep; i++) {
      out[i] = all.get((int) ((long) i * all.size() / keep));
    }
    return out;
  }

  static final String DELETE_PLAN_BEFORE =
      """
      Delete on users  (cost=0.28..8.29 rows=0 width=0) (actual time=0.038..0.039 rows=0 loops=1)
        Buffers: shared hit=7
        ->  Index Scan using users_pkey on users  (cost=0.28..8.29 rows=1 width=6) (actual time=0.021..0.022 rows=1 loops=1)
              Index Cond: (id = 417)
              Buffers: shared hit=3
      Planning Time: 0.061 ms
      Trigger for constraint song_history_user_id_fkey: time=61.904 calls=1
      Trigger for constraint users_playlist_position_user_id_fkey: time=0.412 calls=1
      Trigger for constraint user_moods_user_id_fkey: time=0.097 calls=1
      Execution Time: 62.488 ms""";

  static final String DELETE_PLAN_AFTER =
      """
      Delete on users  (cost=0.28..8.29 rows=0 width=0) (actual time=0.041..0.041 rows=0 loops=1)
        Buffers: shared hit=7
        ->  Index Scan using users_pkey on users  (cost=0.28..8.29 rows=1 width=6) (actual time=0.019..0.020 rows=1 loops=1)
              Index Cond: (id = 417)
              Buffers: shared hit=3
      Planning Time: 0.072 ms
      Trigger for constraint song_history_user_id_fkey: time=0.731 calls=1
      Trigger for constraint users_playlist_position_user_id_fkey: time=0.388 calls=1
      Trigger for constraint user_moods_user_id_fkey: time=0.090 calls=1
      Execution Time: 1.288 ms""";

  static final String CASCADE_PLAN_BEFORE =
      """
      Delete on song_history  (cost=0.00..18262.05 rows=0 width=0) (actual time=61.702..61.703 rows=0 loops=1)
        Buffers: shared hit=6880 dirtied=142
        ->  Seq Scan on song_history  (cost=0.00..18262.05 rows=1009 width=6) (actual time=0.412..61.512 rows=1187 loops=1)
              Filter: (user_id = 417)
              Rows Removed by Filter: 917852
              Buffers: shared hit=6738
      Planning Time: 0.188 ms
      Execution Time: 61.744 ms""";

  static final String CASCADE_PLAN_AFTER =
      """
      Delete on song_history  (cost=12.24..2209.52 rows=0 width=0) (actual time=0.702..0.703 rows=0 loops=1)
        Buffers: shared hit=1350
        ->  Bitmap Heap Scan on song_history  (cost=12.24..2209.52 rows=1009 width=6) (actual time=0.071..0.566 rows=1187 loops=1)
              Recheck Cond: (user_id = 417)
              Heap Blocks: exact=1061
              Buffers: shared hit=1068
              ->  Bitmap Index Scan on song_history_user_id_idx  (cost=0.00..11.99 rows=1009 width=0) (actual time=0.049..0.049 rows=1187 loops=1)
                    Index Cond: (user_id = 417)
                    Buffers: shared hit=7
      Planning Time: 0.151 ms
      Execution Time: 0.744 ms""";

  static RouteResult deleteUser(boolean before, boolean candidateScenario) {
    String scenario =
        before ? "baseline" : candidateScenario ? "song_history_user_id" : "optimized";
    double cascadeMs = before ? 61.744 : 0.744;
    DrillDown cascade =
        new DrillDown(
            "song_history_user_id_fkey",
            "song_history",
            List.of("user_id"),
            "ON DELETE CASCADE",
            CASCADE_SQL,
            cascadeMs,
            before ? 6880 : 1350,
            before ? CASCADE_PLAN_BEFORE : CASCADE_PLAN_AFTER,
            List.of());
    DrillDown positions =
        new DrillDown(
            "users_playlist_position_user_id_fkey",
            "users_playlist_position",
            List.of("user_id"),
            "ON DELETE CASCADE",
            "DELETE FROM ONLY users_playlist_position WHERE user_id = 417",
            0.402,
            26,
            """
            Delete on users_playlist_position  (cost=0.00..56.50 rows=0 width=0) (actual time=0.398..0.398 rows=0 loops=1)
              ->  Seq Scan on users_playlist_position  (cost=0.00..56.50 rows=3 width=6) (actual time=0.021..0.377 rows=4 loops=1)
                    Filter: (user_id = 417)
                    Rows Removed by Filter: 2996
            Planning Time: 0.050 ms
            Execution Time: 0.402 ms""",
            List.of());
    List<Trigger> triggers =
        List.of(
            new Trigger("song_history_user_id_fkey", "users", before ? 61.904 : 0.731, 1),
            new Trigger("users_playlist_position_user_id_fkey", "users", before ? 0.412 : 0.388, 1),
            new Trigger("user_moods_user_id_fkey", "users", before ? 0.097 : 0.090, 1));
    List<Finding> findings =
        before
            ? List.of(
                new Finding(
                    FindingKind.TRIGGER_DOMINATES,
                    DELETE_USER,
                    1,
                    null,
                    "Trigger",
                    null,
                    "song_history",
                    null,
                    null,
                    List.of("user_id"),
                    null,
                    Map.of("triggerMs", 61.904, "executionMs", 62.488),
                    "Trigger song_history_user_id_fkey took 61.9 ms of 62.5 ms (99.1%)"),
                new Finding(
                    FindingKind.SEQ_SCAN_REMOVES_MOST_ROWS,
                    DELETE_USER,
                    1,
                    null,
                    "Seq Scan",
                    null,
                    "song_history",
                    null,
                    null,
                    List.of("user_id"),
                    null,
                    Map.of("rowsRemoved", 917852.0, "rows", 1187.0),
                    "Seq Scan on song_history removed 917,852 of 919,039 rows (99.9%)"
                        + " to find 1,187 by user_id"))
            : List.of();
    StatementCapture validate =
        new StatementCapture(
            0,
            "validate password",
            "SELECT password FROM users WHERE id = :user_id",
            0.021,
            0.018,
            0.030,
            0.040,
            3,
            0,
            0,
            "Index Scan using users_pkey on users  (cost=0.28..8.29 rows=1 width=98) (actual"
                + " time=0.012..0.013 rows=1 loops=1)\n"
                + "  Index Cond: (id = 417)\n"
                + "Planning Time: 0.040 ms\n"
                + "Execution Time: 0.021 ms",
            "plans/" + scenario + "/users_delete/1.json",
            List.of(),
            List.of(),
            List.of(),
            List.of("users_pkey"),
            List.of("Index Scan"),
            null,
            0,
            -1);
    StatementCapture delete =
        new StatementCapture(
            1,
            "delete the user",
            DELETE_USER_SQL,
            before ? 65.31 : 1.217,
            before ? 58.2 : 1.02,
            before ? 71.9 : 1.63,
            0.061,
            before ? 6949 : 1419,
            before ? 12 : 0,
            before ? 148_912 : 151_004,
            before ? DELETE_PLAN_BEFORE : DELETE_PLAN_AFTER,
            "plans/" + scenario + "/users_delete/2.json",
            triggers,
            List.of(cascade, positions),
            findings,
            before ? List.of("users_pkey") : List.of("users_pkey", "song_history_user_id_idx"),
            List.of("ModifyTable", "Index Scan"),
            null,
            0,
            -1);
    double mean = before ? BASELINE_MEAN.get(DELETE_USER) : OPTIMIZED_MEAN.get(DELETE_USER);
    return new RouteResult(
        DELETE_USER,
        NAMES.get(DELETE_USER),
        "users_delete.sql",
        1,
        true,
        timing(mean),
        List.of(validate, delete),
        null,
        null,
        new Draws(
            before
                ? List.of(64.9, 65.331, 66.2, 63.8, 70.4)
                : List.of(1.31, 1.238, 1.25, 1.19, 1.4),
            2,
            orderedParameters("user_id", "417")),
        DELETE_USER_DESCRIPTION);
  }

  /** The delete-user route's {@code @description}, as the bundled route file writes it. */
  static final String DELETE_USER_DESCRIPTION =
      "Deletes a user; cascades to song_history, users_playlist_position and user_moods.";

  static final String PLAY_PLAN_BEFORE =
      """
      Subquery Scan on o  (cost=28473.17..35066.39 rows=1014 width=16) (actual time=301.774..388.129 rows=1 loops=1)
        Filter: (o.id = 90211)
        Rows Removed by Filter: 202898
        ->  WindowAgg  (cost=28473.17..32530.97 rows=202899 width=32) (actual time=160.030..375.882 rows=202899 loops=1)
              ->  Sort  (cost=28473.17..28980.42 rows=202899 width=24) (actual time=160.012..205.110 rows=202899 loops=1)
                    Sort Key: playlist_songs.playlist_id, playlist_songs.id
                    Sort Method: external merge  Disk: 6744kB
                    ->  Seq Scan on playlist_songs  (cost=0.00..3128.99 rows=202899 width=24) (actual time=0.010..22.404 rows=202899 loops=1)
      Planning Time: 0.144 ms
      Execution Time: 389.902 ms""";

  static final String PLAY_PLAN_AFTER =
      """
      Index Scan using playlist_songs_pkey on playlist_songs cur  (cost=0.42..12.88 rows=1 width=16) (actual time=0.031..0.032 rows=1 loops=1)
        Index Cond: (id = 90211)
        SubPlan 1
          ->  Limit  (cost=0.42..4.44 rows=1 width=8) (actual time=0.012..0.012 rows=1 loops=1)
                ->  Index Only Scan using playlist_songs_playlist_id_id_idx on playlist_songs n  (cost=0.42..268.45 rows=67 width=8) (actual time=0.011..0.011 rows=1 loops=1)
                      Index Cond: ((playlist_id = cur.playlist_id) AND (id > cur.id))
                      Heap Fetches: 0
      Planning Time: 0.201 ms
      Execution Time: 0.058 ms""";

  static RouteResult playlistPlay(boolean after) {
    String scenario = after ? "playlist_play_next_entry" : "baseline";
    StatementCapture next =
        new StatementCapture(
            0,
            "find the current and next entry",
            after ? PLAY_SQL_AFTER : PLAY_SQL_BEFORE,
            after ? 0.061 : 392.4,
            after ? 0.05 : 371.0,
            after ? 0.09 : 420.6,
            after ? 0.201 : 0.144,
            after ? 9 : 1402,
            after ? 0 : 843,
            0,
            after ? PLAY_PLAN_AFTER : PLAY_PLAN_BEFORE,
            "plans/" + scenario + "/playlist_play/1.json",
            List.of(),
            List.of(),
            after
                ? List.of()
                : List.of(
                    new Finding(
                        FindingKind.WHOLE_TABLE_FOR_FEW_ROWS,
                        "playlist_play",
                        1,
                        null,
                        "WindowAgg",
                        null,
                        "playlist_songs",
                        null,
                        null,
                        List.of("playlist_id", "id"),
                        null,
                        Map.of("rows", 202899.0),
                        "WindowAgg computes LEAD over all 202,899 playlist_songs rows to return 1")),
            after ? List.of("playlist_songs_pkey", "playlist_songs_playlist_id_id_idx") : List.of(),
            after ? List.of("Index Scan", "Limit") : List.of("WindowAgg", "Sort", "Seq Scan"),
            null,
            0,
            -1);
    double mean = after ? OPTIMIZED_MEAN.get("playlist_play") : BASELINE_MEAN.get("playlist_play");
    return new RouteResult(
        "playlist_play",
        NAMES.get("playlist_play"),
        "playlist_play.sql",
        50,
        true,
        timing(mean),
        List.of(next),
        null,
        null,
        new Draws(
            after ? List.of(0.9, 0.95, 1.0) : List.of(380.0, 390.0, 401.0),
            2,
            orderedParameters("user_id", "12", "position", "90211")),
        null);
  }

  private static CandidateResult indexCandidate() {
    return new CandidateResult(
        "song_history_user_id",
        "index",
        "Index song_history(user_id) for the user cascade and mood refresh",
        List.of("CREATE INDEX song_history_user_id_idx ON song_history (user_id);"),
        List.of(
            "foreign key song_history_user_id_fkey has no index with user_id leading",
            "Seq Scan on song_history removes 99.9% of rows in the delete user cascade"),
        "SET lock_timeout = '5s';\n"
            + "CREATE INDEX CONCURRENTLY IF NOT EXISTS song_history_user_id_idx"
            + " ON song_history (user_id);",
        new WhatIf(true, List.of("users_delete statement 2: cost 18262.05 -> 2209.52")),
        new Build(1_840, 20_586_496, List.of("song_history_user_id_idx"), null),
        List.of(DELETE_USER, "mood_refresh", "song_play", "playlist_play"),
        List.of(
            new RouteDelta(
                DELETE_USER,
                66.12,
                1.91,
                100.5,
                2.9,
                65.31,
                1.217,
                6961,
                1431,
                148_912,
                151_004,
                true,
                true,
                RunResultsFixture.change(66.12, 1.91, true),
                null,
                null,
                -1,
                -1),
            new RouteDelta(
                "mood_refresh",
                48.6,
                0.43,
                73.9,
                0.65,
                47.9,
                0.35,
                6740,
                40,
                0,
                0,
                false,
                true,
                RunResultsFixture.change(48.6, 0.43, true),
                null,
                null,
                -1,
                -1),
            new RouteDelta(
                "song_play",
                0.356,
                0.368,
                0.54,
                0.56,
                0.21,
                0.23,
                14,
                17,
                312,
                436,
                true,
                false,
                RunResultsFixture.change(0.356, 0.368, false),
                1.0,
                1.0,
                -1,
                -1),
            new RouteDelta(
                "playlist_play",
                412.7,
                414.1,
                627.3,
                629.0,
                392.4,
                393.0,
                2245,
                2249,
                540,
                664,
                true,
                false,
                RunResultsFixture.change(412.7, 414.1, false),
                null,
                null,
                -1,
                -1)),
        null,
        new Decision(true, "users_delete 97.1% faster, mood_refresh 99.1% faster", 318.4),
        List.of());
  }

  private static CandidateResult rewrite() {
    return new CandidateResult(
        "playlist_play_next_entry",
        "rewrite",
        "Find the next playlist entry with an index probe instead of a window over every entry",
        List.of(
            "CREATE INDEX playlist_songs_playlist_id_id_idx ON playlist_songs (playlist_id, id);"),
        List.of("WindowAgg reads all 202,899 playlist_songs rows to return one"),
        "SET lock_timeout = '5s';\n"
            + "CREATE INDEX CONCURRENTLY IF NOT EXISTS playlist_songs_playlist_id_id_idx"
            + " ON playlist_songs (playlist_id, id);",
        new WhatIf(true, List.of()),
        new Build(410, 6_307_840, List.of("playlist_songs_playlist_id_id_idx"), null),
        List.of("playlist_play"),
        List.of(
            new RouteDelta(
                "playlist_play",
                412.7,
                1.38,
                627.3,
                2.1,
                392.4,
                0.061,
                2245,
                9,
                540,
                540,
                false,
                true,
                RunResultsFixture.change(412.7, 1.38, true),
                null,
                null,
                -1,
                -1)),
        "equivalent: 200 parameter sets returned the same rows and changed the same rows",
        new Decision(true, "playlist_play 99.7% faster", 20566.0),
        List.of());
  }

  private static CandidateResult rejected() {
    return new CandidateResult(
        "songs_name_trgm",
        "index",
        "Trigram index on songs(song_name) for substring search",
        List.of(
            "CREATE EXTENSION IF NOT EXISTS pg_trgm;",
            "CREATE INDEX songs_song_name_trgm_idx ON songs USING gin (song_name gin_trgm_ops);"),
        List.of("LIKE with a leading wildcard on songs.song_name"),
        null,
        new WhatIf(false, List.of("planner kept the Seq Scan on songs for the prefix search")),
        new Build(2_950, 9_150_464, List.of("songs_song_name_trgm_idx"), null),
        List.of("song_search"),
        List.of(
            new RouteDelta(
                "song_search",
                2.61,
                2.63,
                3.9,
                4.0,
                2.2,
                2.21,
                820,
                822,
                0,
                0,
                false,
                false,
                RunResultsFixture.change(2.61, 2.63, false),
                null,
                null,
                -1,
                -1)),
        null,
        new Decision(false, "no route improved significantly", 0),
        List.of());
  }

  /** Writes a small JSON file for every plan the results reference, under {@code dir}. */
  public static void writePlanFiles(RunResults results, Path dir) throws IOException {
    for (ScenarioResult s : results.scenarios()) {
      for (RouteResult r : s.routes()) {
        for (StatementCapture c : r.statements()) {
          if (c.planJsonFile() != null) {
            Path file = dir.resolve(c.planJsonFile());
            Files.createDirectories(file.getParent());
            Files.writeString(file, "[{\"Plan\": {\"Node Type\": \"Result\"}}]\n");
            Files.writeString(
                file.resolveSibling(file.getFileName().toString().replace(".json", ".txt")),
                c.planText() + "\nSettings: work_mem = '4MB'\n");
            for (DrillDown d : c.drillDowns()) {
              Path cascade =
                  dir.resolve(PlanFiles.drillDownFile(c.planJsonFile(), List.of(d.constraint())));
              Files.writeString(cascade, "[{\"Plan\": {\"Node Type\": \"ModifyTable\"}}]\n");
              Files.writeString(
                  cascade.resolveSibling(cascade.getFileName().toString().replace(".json", ".txt")),
                  d.planText() + "\nWAL: records=12 bytes=1320\n");
            }
          }
        }
      }
    }
  }

  /**
   * A JMH comparison as the significance rule would have made it for two samples with these
   * medians: changed when {@code significant}, with a narrow interval around the ratio.
   */
  static Significance.Change change(double before, double after, boolean significant) {
    double r = after / before;
    Significance.Direction d =
        !significant || r == 1
            ? Significance.Direction.UNCHANGED
            : r < 1 ? Significance.Direction.FASTER : Significance.Direction.SLOWER;
    return new Significance.Change(
        before, after, r, r * 0.97, r * 1.03, significant ? 1e-6 : 0.4, 400, 400, d);
  }
}
