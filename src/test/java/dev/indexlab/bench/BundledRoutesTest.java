package dev.indexlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.workload.Isolation;
import dev.indexlab.workload.ParameterSource;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteCatalog;
import dev.indexlab.workload.RouteParser;
import dev.indexlab.workload.RouteStatement;
import dev.indexlab.workload.Workload;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The 16 bundled route files parse, with the names, parameters and statements they should have. */
class BundledRoutesTest {
  private static final Path QUERIES = Path.of("queries");

  /** Route id, its name as the write-up writes it, its statements' count. */
  static Stream<Object[]> routes() {
    return Stream.of(
        new Object[] {"users_create", "POST /users/create", 1},
        new Object[] {"users_platform", "POST /users/platform", 2},
        new Object[] {"users_delete", "POST /users/delete/{user_id}", 2},
        new Object[] {"song_get_library", "GET /song/get_library/", 1},
        new Object[] {"song_add", "POST /song/add", 2},
        new Object[] {"song_link_add", "POST /song/link/add", 2},
        new Object[] {"song_remove", "POST /song/{song_id}/remove", 2},
        new Object[] {"song_play", "GET /song/{song_id}/play (No Ad)", 3},
        new Object[] {"song_play_with_ad", "GET /song/{song_id}/play (With Ad)", 3},
        new Object[] {"playlist_create", "POST /playlist/create", 1},
        new Object[] {"playlist_songs_add", "POST /playlist/{playlist_id}/songs/add", 1},
        new Object[] {"playlist_play", "GET /playlist/{playlist_id}/play (No Ad)", 7},
        new Object[] {"playlist_play_with_ad", "GET /playlist/{playlist_id}/play (With Ad)", 7},
        new Object[] {"ad_create", "POST /ad/create", 1},
        new Object[] {"song_search", "GET /song/search/{query}", 2},
        new Object[] {"mood_refresh", "mood refresh (background job)", 2});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void eachBundledRouteParses(String id, String name, int statements) {
    Route r = RouteParser.parse(QUERIES.resolve(id + ".sql"));
    assertThat(r.id()).isEqualTo(id);
    assertThat(r.name()).isEqualTo(name);
    assertThat(r.description()).isNotBlank();
    assertThat(r.statements()).hasSize(statements);
    assertThat(r.statements())
        .allSatisfy(s -> assertThat(s.label()).doesNotStartWith("statement "));
  }

  @Test
  void theWorkloadHoldsExactlyTheSixteenRoutesAndNoParseError() {
    RouteCatalog catalog = RouteCatalog.load(Workload.open(QUERIES));
    assertThat(catalog.problems()).isEmpty();
    assertThat(catalog.routes())
        .extracting(Route::id)
        .containsExactlyInAnyOrderElementsOf(routes().map(o -> (String) o[0]).toList());
  }

  @Test
  void parametersComeFromTheDocumentedSources() {
    assertThat(sources("song_play")).containsEntry("user_id, song_id", "sample");
    assertThat(sources("playlist_play")).containsEntry("user_id, playlist_id", "sample");
    assertThat(sources("song_add"))
        .containsEntry("song_name", "text")
        .containsEntry("url", "format");
    assertThat(sources("ad_create")).containsEntry("target_mood", "oneof");
    assertThat(sources("song_get_library")).containsEntry("offset", "sample");
    Route play = RouteParser.parse(QUERIES.resolve("song_play.sql"));
    assertThat(play.parameters().get(0).spec())
        .contains("ORDER BY h.id")
        .contains("LIMIT 2000")
        .contains("l.platform_id = u.platform_id");
  }

  @Test
  void chainedValuesFlowThroughReturns() {
    Route add = RouteParser.parse(QUERIES.resolve("song_add.sql"));
    assertThat(add.statements().get(0).returns()).containsExactly("song_id");
    assertThat(add.statements().get(1).parameterNames()).contains("song_id", "url");

    Route withAd = RouteParser.parse(QUERIES.resolve("song_play_with_ad.sql"));
    assertThat(withAd.statements().get(1).returns()).containsExactly("mood");
    assertThat(withAd.statements().get(2).parameterNames()).containsExactly("mood");

    Route play = RouteParser.parse(QUERIES.resolve("playlist_play.sql"));
    RouteStatement queue = play.statements().get(2);
    assertThat(queue.returns()).containsExactly("song_id", "next_position");
    assertThat(queue.sql())
        .contains("LEAD(id) OVER (PARTITION BY playlist_id ORDER BY id)")
        .contains("FROM playlist_songs\n)");
    assertThat(play.statements().get(3).parameterNames()).contains("next_position");
    assertThat(play.statements().get(4).parameterNames()).contains("song_id", "user_id");
  }

  @Test
  void isolationIsTheApplications() {
    assertThat(RouteParser.parse(QUERIES.resolve("song_link_add.sql")).isolation())
        .isEqualTo(Isolation.SERIALIZABLE);
    assertThat(RouteParser.parse(QUERIES.resolve("users_delete.sql")).isolation())
        .isEqualTo(Isolation.READ_COMMITTED);
  }

  private static Map<String, String> sources(String id) {
    Map<String, String> m = new LinkedHashMap<>();
    for (ParameterSource p : RouteParser.parse(QUERIES.resolve(id + ".sql")).parameters()) {
      m.put(String.join(", ", p.names()), p.kind());
    }
    return m;
  }

  static List<String> ids() {
    return routes().map(o -> (String) o[0]).toList();
  }
}
