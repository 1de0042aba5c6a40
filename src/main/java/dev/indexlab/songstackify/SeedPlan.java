package dev.indexlab.songstackify;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.seed.SeedOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many rows each SongStackify table holds at a scale. At scale 1 these are exactly the
 * write-up's counts (1,292,269 rows) plus one user_moods row per user; at scale S every table holds
 * {@code round(count × S)}, except platforms (always 2) and ad_campaigns (always 100).
 *
 * <pre>{@code
 * SeedPlan plan = SeedPlan.forScale(0.01);
 * plan.counts(); // {platforms=2, ad_campaigns=100, playlists=30, users=9, ...}
 * }</pre>
 */
public record SeedPlan(
    double scale,
    long platforms,
    long adCampaigns,
    long playlists,
    long users,
    long songs,
    long links,
    long playlistSongs,
    long positions,
    long songHistory,
    long userMoods) {

  /** The largest scale accepted (about 1.3 billion rows). */
  public static final double MAX_SCALE = 1000;

  /** The write-up's total over its nine tables at scale 1 (user_moods came later). */
  public static final long WRITE_UP_TOTAL = 1_292_269L;

  /** The plan at {@code scale}; a usage error when the scale is not positive or too small. */
  public static SeedPlan forScale(double scale) {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw IndexlabException.usage(
          Setting.SCALE + " " + SeedOptions.show(scale) + ": must be a number > 0");
    }
    if (scale > MAX_SCALE) {
      throw IndexlabException.usage(
          Setting.SCALE
              + " "
              + SeedOptions.show(scale)
              + ": at most "
              + SeedOptions.show(MAX_SCALE)
              + " is supported");
    }
    long users = scaled(911, scale);
    SeedPlan plan =
        new SeedPlan(
            scale,
            2,
            100,
            scaled(3_000, scale),
            users,
            scaled(77_803, scale),
            scaled(85_515, scale),
            scaled(202_899, scale),
            scaled(3_000, scale),
            scaled(919_039, scale),
            users);
    plan.checkFeasible();
    return plan;
  }

  private static long scaled(long countAtOne, double scale) {
    return Math.round(countAtOne * scale);
  }

  private void checkFeasible() {
    String why = null;
    if (users < 1 || playlists < 1 || songs < 1) {
      why = "it leaves no users, playlists or songs";
    } else if (users > playlists || playlistSongs < playlists || songs > playlistSongs) {
      why = "the rounded counts cannot keep the data's shape";
    } else if (links < songs || links > 2 * songs || songHistory < playlistSongs) {
      why = "the rounded counts cannot keep the data's shape";
    }
    if (why != null) {
      throw IndexlabException.usage(
          Setting.SCALE + " " + SeedOptions.show(scale) + ": too small, " + why);
    }
  }

  /** Rows per table, in the order the tables are described (parents before children). */
  public Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("platforms", platforms);
    counts.put("ad_campaigns", adCampaigns);
    counts.put("playlists", playlists);
    counts.put("users", users);
    counts.put("songs", songs);
    counts.put("links", links);
    counts.put("playlist_songs", playlistSongs);
    counts.put("users_playlist_position", positions);
    counts.put("song_history", songHistory);
    counts.put("user_moods", userMoods);
    return counts;
  }

  /** All rows, user_moods included. */
  public long total() {
    return counts().values().stream().mapToLong(Long::longValue).sum();
  }

  /** Rows in the write-up's nine tables (all but user_moods). */
  public long writeUpTotal() {
    return total() - userMoods;
  }
}
