package dev.indexlab.songstackify;

import dev.indexlab.seed.RowRandom;

/**
 * The playlists and the songs on them, decided up front in arrays of one slot per playlist, so that
 * the song at any entry can be computed on its own ({@link #songOf(int, int)}) without keeping the
 * 200,000 × scale entries in memory.
 *
 * <ul>
 *   <li>Lengths follow a log-normal curve (median 45, clamped to 5–250 before scaling) and are then
 *       scaled so that they sum to exactly the playlist_songs count.
 *   <li>Which entries bring a song seen for the first time is a uniform random subset of exactly
 *       the songs count (Knuth's selection sampling), except that the first entries of the table
 *       are all new (a catalog starts empty). Playlist {@code p} therefore introduces the songs
 *       {@code newBase[p] + 1 .. newBase[p] + newCount[p]}, placed at entries chosen by a
 *       per-playlist affine permutation.
 *   <li>Any other entry repeats a known song, drawn from the older half of the songs known so far
 *       with a power-law bias to the oldest: a skewed, Zipf-like popularity where the top songs sit
 *       on about a hundred playlists and most songs on one.
 * </ul>
 */
final class PlaylistShape {
  private static final long LENGTHS = 11;
  private static final long NEW_SONGS = 12;
  private static final long REPEATS = 13;
  private static final PowerCurve REPEAT_SKEW = new PowerCurve(1.2);

  private final long seed;
  private final int[] length;
  private final long[] first;
  private final int[] newBase;
  private final int[] newCount;
  private final int[] permA;
  private final int[] permB;

  private PlaylistShape(long seed, int playlists) {
    this.seed = seed;
    this.length = new int[playlists];
    this.first = new long[playlists];
    this.newBase = new int[playlists];
    this.newCount = new int[playlists];
    this.permA = new int[playlists];
    this.permB = new int[playlists];
  }

  static PlaylistShape build(SeedPlan plan, long seed) {
    int playlists = Math.toIntExact(plan.playlists());
    PlaylistShape shape = new PlaylistShape(seed, playlists);
    shape.decideLengths(plan.playlistSongs());
    shape.decideNewSongs(plan.songs(), plan.playlistSongs());
    return shape;
  }

  private void decideLengths(long entries) {
    RowRandom rnd = new RowRandom(seed, LENGTHS);
    int n = length.length;
    double[] raw = new double[n];
    double sum = 0;
    for (int p = 0; p < n; p++) {
      double v = 45.0 * StrictMath.exp(0.85 * rnd.nextGaussian());
      raw[p] = Math.min(250.0, Math.max(5.0, v));
      sum += raw[p];
    }
    long assigned = 0;
    for (int p = 0; p < n; p++) {
      length[p] = (int) Math.max(1, (long) Math.floor(raw[p] * entries / sum));
      assigned += length[p];
    }
    int[] order = identity(n);
    rnd.shuffle(order);
    long diff = entries - assigned;
    while (diff != 0) {
      for (int i = 0; i < n && diff != 0; i++) {
        int p = order[i];
        if (diff > 0) {
          length[p]++;
          diff--;
        } else if (length[p] > 1) {
          length[p]--;
          diff++;
        }
      }
    }
    long offset = 0;
    for (int p = 0; p < n; p++) {
      first[p] = offset;
      offset += length[p];
      int a = length[p] <= 1 ? 1 : 1 + rnd.nextInt(length[p] - 1);
      while (gcd(a, length[p]) != 1) {
        a = a % length[p] + 1;
      }
      permA[p] = a;
      permB[p] = length[p] <= 1 ? 0 : rnd.nextInt(length[p]);
    }
  }

  private void decideNewSongs(long songs, long entries) {
    RowRandom rnd = new RowRandom(seed, NEW_SONGS);
    long warmUp = Math.max(1, songs / 50);
    long seen = 0;
    long t = 0;
    for (int p = 0; p < length.length; p++) {
      newBase[p] = (int) seen;
      int count = 0;
      for (int j = 0; j < length[p]; j++, t++) {
        long need = songs - seen;
        long remaining = entries - t;
        boolean isNew = need > 0 && (seen < warmUp || (long) (rnd.nextDouble() * remaining) < need);
        if (isNew) {
          seen++;
          count++;
        }
      }
      newCount[p] = count;
    }
    if (seen != songs) {
      throw new IllegalStateException("selection sampling chose " + seen + " of " + songs);
    }
  }

  /** Number of playlists. */
  int playlists() {
    return length.length;
  }

  /** Entries on playlist {@code p} (0-based). */
  int length(int p) {
    return length[p];
  }

  /** The playlist_songs id of entry {@code j} (0-based) of playlist {@code p}. */
  long entryId(int p, int j) {
    return first[p] + j + 1;
  }

  /** The song (1-based id) at entry {@code j} of playlist {@code p}. */
  int songOf(int p, int j) {
    int len = length[p];
    int r = (int) (((long) permA[p] * j + permB[p]) % len);
    if (r < newCount[p]) {
      return newBase[p] + r + 1;
    }
    int pool = Math.max(1, (newBase[p] + newCount[p]) / 2);
    double u = RowRandom.unit(RowRandom.hash(seed, REPEATS, first[p] + j));
    return 1 + (int) (pool * REPEAT_SKEW.at(u));
  }

  static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  private static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
