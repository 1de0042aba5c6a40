package dev.indexlab.songstackify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SongStackifyShapeTest {
  @ParameterizedTest
  @CsvSource({"0.0007,1", "0.001,7", "0.01,42", "0.02,3", "0.1,42", "1,42", "1,99"})
  void arraysHitTheCountsExactly(double scale, long seed) {
    SeedPlan plan = SeedPlan.forScale(scale);
    SongStackifyShape shape = SongStackifyShape.build(plan, seed);
    PlaylistShape playlists = shape.playlists;
    assertThat(playlists.playlists()).isEqualTo(plan.playlists());

    long entries = 0;
    long history = 0;
    BitSet songs = new BitSet();
    for (int p = 0; p < playlists.playlists(); p++) {
      assertThat(playlists.length(p)).isPositive();
      assertThat(playlists.entryId(p, 0)).isEqualTo(entries + 1);
      for (int j = 0; j < playlists.length(p); j++) {
        int song = playlists.songOf(p, j);
        assertThat(song).isBetween(1, (int) plan.songs());
        songs.set(song);
      }
      entries += playlists.length(p);
      int position = shape.listening.position(p);
      assertThat(position).isBetween(0, playlists.length(p) - 1);
      assertThat(shape.listening.passes(p)).isPositive();
      history += shape.listening.rows(p, playlists);
      assertThat(shape.ownership.ownerOf(p)).isBetween(1, (int) plan.users());
    }
    assertThat(entries).isEqualTo(plan.playlistSongs());
    assertThat(songs.cardinality()).isEqualTo((int) plan.songs());
    assertThat(history).isEqualTo(plan.songHistory());
    long owned = 0;
    for (int u = 1; u <= plan.users(); u++) {
      assertThat(shape.ownership.ownedBy(u)).isPositive();
      owned += shape.ownership.ownedBy(u);
    }
    assertThat(owned).isEqualTo(plan.playlists());
  }

  @Test
  void scaleOneHasTheDescribedShape() {
    SeedPlan plan = SeedPlan.forScale(1);
    SongStackifyShape shape = SongStackifyShape.build(plan, 42);
    PlaylistShape playlists = shape.playlists;
    int shortest = Integer.MAX_VALUE;
    int longest = 0;
    int[] plays = new int[(int) plan.songs() + 1];
    int withinRange = 0;
    for (int p = 0; p < playlists.playlists(); p++) {
      shortest = Math.min(shortest, playlists.length(p));
      longest = Math.max(longest, playlists.length(p));
      for (int j = 0; j < playlists.length(p); j++) {
        plays[playlists.songOf(p, j)]++;
      }
      int passes = shape.listening.passes(p);
      if (passes >= Listening.MIN_PASSES && passes <= Listening.MAX_PASSES) {
        withinRange++;
      }
    }
    assertThat(shortest).isLessThan(10);
    assertThat(longest).isBetween(200, 300);
    assertThat(withinRange).isEqualTo(playlists.playlists());
    long once = 0;
    int top = 0;
    for (int s = 1; s < plays.length; s++) {
      once += plays[s] == 1 ? 1 : 0;
      top = Math.max(top, plays[s]);
    }
    assertThat((double) once / plan.songs())
        .as("share of songs on one playlist")
        .isGreaterThan(0.5);
    assertThat(top).as("the most popular song's entries").isBetween(50, 400);

    Map<Integer, Integer> usersByCount = new HashMap<>();
    for (int u = 1; u <= plan.users(); u++) {
      usersByCount.merge(shape.ownership.ownedBy(u), 1, Integer::sum);
    }
    long avid =
        usersByCount.entrySet().stream()
            .filter(e -> e.getKey() >= 20)
            .mapToLong(Map.Entry::getValue)
            .sum();
    assertThat(avid).isEqualTo(9);
    assertThat(usersByCount.keySet())
        .allSatisfy(k -> assertThat(k <= 5 || (k >= 20 && k <= 30)).isTrue());
  }

  @Test
  void sameSeedSameShapeOtherSeedOtherShape() {
    SeedPlan plan = SeedPlan.forScale(0.05);
    SongStackifyShape a = SongStackifyShape.build(plan, 5);
    SongStackifyShape b = SongStackifyShape.build(plan, 5);
    SongStackifyShape c = SongStackifyShape.build(plan, 6);
    boolean differs = false;
    for (int p = 0; p < a.playlists.playlists(); p++) {
      assertThat(a.playlists.length(p)).isEqualTo(b.playlists.length(p));
      assertThat(a.playlists.songOf(p, 0)).isEqualTo(b.playlists.songOf(p, 0));
      assertThat(a.ownership.ownerOf(p)).isEqualTo(b.ownership.ownerOf(p));
      differs |= a.playlists.length(p) != c.playlists.length(p);
    }
    assertThat(differs).isTrue();
  }
}
