package dev.indexlab.songstackify;

import dev.indexlab.seed.RowRandom;

/**
 * How far each playlist's owner has listened: a current position (a random entry, the one that
 * users_playlist_position points at) and a number of full passes (1–7). The playlist contributes
 * {@code passes × length + position} song_history rows: its whole length per pass, then the entries
 * before the position once.
 *
 * <p>To hit the song_history count exactly, passes are first drawn at random, then added or taken
 * away one whole pass at a time (random order, staying within 1–7) while the difference is at least
 * a playlist's length, and the last remainder is absorbed by moving a few positions. Where the
 * ranges cannot absorb it (only at tiny scales) one playlist's passes leave the range.
 */
final class Listening {
  private static final long DRAW = 31;
  private static final long ADJUST = 32;
  static final int MIN_PASSES = 1;
  static final int MAX_PASSES = 7;

  private final int[] position;
  private final int[] passes;

  private Listening(int[] position, int[] passes) {
    this.position = position;
    this.passes = passes;
  }

  static Listening build(SeedPlan plan, PlaylistShape playlists, long seed) {
    int n = playlists.playlists();
    int[] position = new int[n];
    int[] passes = new int[n];
    RowRandom rnd = new RowRandom(seed, DRAW);
    long total = 0;
    for (int p = 0; p < n; p++) {
      position[p] = rnd.nextInt(playlists.length(p));
      passes[p] = rnd.between(MIN_PASSES, MAX_PASSES);
      total += (long) passes[p] * playlists.length(p) + position[p];
    }
    Listening listening = new Listening(position, passes);
    listening.adjust(plan.songHistory() - total, playlists, new RowRandom(seed, ADJUST));
    return listening;
  }

  private void adjust(long diff, PlaylistShape playlists, RowRandom rnd) {
    int[] order = PlaylistShape.identity(position.length);
    rnd.shuffle(order);
    diff = wholePasses(diff, playlists, order);
    diff = positions(diff, playlists, order);
    while (diff != 0) {
      // only at tiny scales, when the ranges are exhausted: move one pass past them and let the
      // positions (now all at one end, so with room on the other side) take up the change
      for (int p : order) {
        if (diff > 0 || passes[p] > MIN_PASSES) {
          passes[p] += diff > 0 ? 1 : -1;
          diff += diff > 0 ? -playlists.length(p) : playlists.length(p);
          break;
        }
      }
      diff = positions(diff, playlists, order);
    }
  }

  private long wholePasses(long diff, PlaylistShape playlists, int[] order) {
    boolean moved = true;
    while (moved && diff != 0) {
      moved = false;
      for (int p : order) {
        int len = playlists.length(p);
        if (diff >= len && passes[p] < MAX_PASSES) {
          passes[p]++;
          diff -= len;
          moved = true;
        } else if (-diff >= len && passes[p] > MIN_PASSES) {
          passes[p]--;
          diff += len;
          moved = true;
        }
      }
    }
    return diff;
  }

  private long positions(long diff, PlaylistShape playlists, int[] order) {
    for (int p : order) {
      if (diff > 0) {
        int step = (int) Math.min(diff, playlists.length(p) - 1 - position[p]);
        position[p] += step;
        diff -= step;
      } else if (diff < 0) {
        int step = (int) Math.min(-diff, position[p]);
        position[p] -= step;
        diff += step;
      } else {
        break;
      }
    }
    return diff;
  }

  /** Index (0-based) of the entry the owner of playlist {@code p} is at. */
  int position(int p) {
    return position[p];
  }

  /** Full passes through playlist {@code p}. */
  int passes(int p) {
    return passes[p];
  }

  /** song_history rows that playlist {@code p} contributes. */
  long rows(int p, PlaylistShape playlists) {
    return (long) passes[p] * playlists.length(p) + position[p];
  }
}
