package dev.indexlab.songstackify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import org.junit.jupiter.api.Test;

class SeedPlanTest {
  @Test
  void scaleOneIsTheWriteUpsCounts() {
    SeedPlan plan = SeedPlan.forScale(1);
    assertThat(plan.counts())
        .containsEntry("playlists", 3_000L)
        .containsEntry("users", 911L)
        .containsEntry("songs", 77_803L)
        .containsEntry("playlist_songs", 202_899L)
        .containsEntry("users_playlist_position", 3_000L)
        .containsEntry("song_history", 919_039L)
        .containsEntry("links", 85_515L)
        .containsEntry("platforms", 2L)
        .containsEntry("ad_campaigns", 100L)
        .containsEntry("user_moods", 911L)
        .hasSize(10);
    assertThat(plan.writeUpTotal()).isEqualTo(SeedPlan.WRITE_UP_TOTAL);
    assertThat(plan.total()).isEqualTo(1_292_269L + 911L);
  }

  @Test
  void otherScalesRoundEachTableButKeepPlatformsAndAds() {
    SeedPlan plan = SeedPlan.forScale(0.01);
    assertThat(plan.playlists()).isEqualTo(30);
    assertThat(plan.users()).isEqualTo(9);
    assertThat(plan.songs()).isEqualTo(778);
    assertThat(plan.playlistSongs()).isEqualTo(2_029);
    assertThat(plan.songHistory()).isEqualTo(9_190);
    assertThat(plan.links()).isEqualTo(855);
    assertThat(plan.platforms()).isEqualTo(2);
    assertThat(plan.adCampaigns()).isEqualTo(100);
    assertThat(plan.userMoods()).isEqualTo(plan.users());

    SeedPlan ten = SeedPlan.forScale(10);
    assertThat(ten.songHistory()).isEqualTo(9_190_390);
    assertThat(ten.users()).isEqualTo(9_110);
    assertThat(ten.adCampaigns()).isEqualTo(100);
  }

  @Test
  void rejectsScalesThatAreNotPositiveOrTooSmallOrTooLarge() {
    for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 1e-5, 5000}) {
      assertThatThrownBy(() -> SeedPlan.forScale(bad))
          .isInstanceOf(IndexlabException.class)
          .hasMessageStartingWith(Setting.SCALE + " ")
          .satisfies(e -> assertThat(((IndexlabException) e).status()).isEqualTo(2));
    }
  }
}
