package dev.indexlab.songstackify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.seed.RowSink;
import dev.indexlab.seed.TableGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class GeneratedTablesTest {
  /** Collects each row's fields and hands the row to a consumer. */
  static final class RecordingSink implements RowSink {
    private final Consumer<List<Object>> rows;
    private List<Object> row = new ArrayList<>();
    long count;

    RecordingSink(Consumer<List<Object>> rows) {
      this.rows = rows;
    }

    @Override
    public void int8(long value) {
      row.add(value);
    }

    @Override
    public void text(String value) {
      row.add(value);
    }

    @Override
    public void timestamp(long epochMillis) {
      row.add(java.time.Instant.ofEpochMilli(epochMillis));
    }

    @Override
    public void nul() {
      row.add(null);
    }

    @Override
    public void endRow() {
      rows.accept(row);
      row = new ArrayList<>();
      count++;
    }
  }

  private static Map<String, TableGenerator> tables(double scale, long seed) {
    Map<String, TableGenerator> byName = new HashMap<>();
    for (TableGenerator g : SongStackifyShape.build(SeedPlan.forScale(scale), seed).tables()) {
      byName.put(g.table(), g);
    }
    return byName;
  }

  @Test
  void everyTableWritesItsCountOfFullRowsWithAscendingIds() throws Exception {
    SeedPlan plan = SeedPlan.forScale(0.02);
    Map<String, TableGenerator> tables = tables(0.02, 42);
    assertThat(tables.keySet()).isEqualTo(plan.counts().keySet());
    for (TableGenerator g : tables.values()) {
      long[] lastId = {0};
      RecordingSink sink =
          new RecordingSink(
              row -> {
                assertThat(row).as(g.table()).hasSize(g.columns().size());
                long id = (Long) row.get(0);
                assertThat(id).as(g.table() + " id").isEqualTo(lastId[0] + 1);
                lastId[0] = id;
              });
      g.write(sink);
      assertThat(sink.count).as(g.table()).isEqualTo(plan.counts().get(g.table()));
    }
  }

  @Test
  void linksAreSplitEightyTenTenWithTheExactTotal() throws Exception {
    SeedPlan plan = SeedPlan.forScale(0.2);
    Map<Long, Integer> platformsPerSong = new HashMap<>();
    Map<Long, Long> onlyPlatform = new HashMap<>();
    RecordingSink sink =
        new RecordingSink(
            row -> {
              long song = (Long) row.get(2);
              platformsPerSong.merge(song, 1, Integer::sum);
              onlyPlatform.put(song, (Long) row.get(3));
              String url = (String) row.get(4);
              assertThat(url)
                  .startsWith(
                      (Long) row.get(3) == 1
                          ? "https://open.spotify.com/track/"
                          : "https://music.apple.com/");
            });
    tables(0.2, 42).get("links").write(sink);
    assertThat(sink.count).isEqualTo(plan.links());
    assertThat(platformsPerSong).hasSize((int) plan.songs());
    long both = platformsPerSong.values().stream().filter(n -> n == 2).count();
    long apple =
        platformsPerSong.entrySet().stream()
            .filter(e -> e.getValue() == 1 && onlyPlatform.get(e.getKey()) == 2)
            .count();
    assertThat(both).isEqualTo(plan.links() - plan.songs());
    assertThat((double) apple / plan.songs()).isBetween(0.08, 0.12);
  }

  @Test
  void historyMatchesPositionsAndMoods() throws Exception {
    SeedPlan plan = SeedPlan.forScale(0.02);
    Map<String, TableGenerator> tables = tables(0.02, 7);
    Map<Long, Long> playsByUser = new HashMap<>();
    java.time.Instant[] last = {java.time.Instant.MIN};
    tables
        .get("song_history")
        .write(
            new RecordingSink(
                row -> {
                  playsByUser.merge((Long) row.get(2), 1L, Long::sum);
                  java.time.Instant at = (java.time.Instant) row.get(1);
                  assertThat(at).isAfterOrEqualTo(last[0]);
                  last[0] = at;
                }));
    Map<Long, Long> songsPlayed = new HashMap<>();
    tables
        .get("user_moods")
        .write(new RecordingSink(row -> songsPlayed.put((Long) row.get(0), (Long) row.get(3))));
    assertThat(playsByUser).isEqualTo(songsPlayed);
    assertThat(songsPlayed).hasSize((int) plan.users());
  }

  @Test
  void textLooksLikeTheApplication() throws Exception {
    List<List<Object>> songs = new ArrayList<>();
    tables(0.01, 42).get("songs").write(new RecordingSink(songs::add));
    for (List<Object> song : songs) {
      assertThat((String) song.get(2)).hasSizeBetween(3, 80);
      assertThat((String) song.get(5)).matches("[0-9a-f]{24}");
    }
    double meanTitle =
        songs.stream().mapToInt(s -> ((String) s.get(2)).length()).average().orElse(0);
    assertThat(meanTitle).isBetween(8.0, 25.0);
    List<List<Object>> users = new ArrayList<>();
    tables(0.01, 42).get("users").write(new RecordingSink(users::add));
    assertThat(users)
        .allSatisfy(u -> assertThat((String) u.get(2)).hasSize(97).startsWith("$argon2id$v=19$"));
  }
}
