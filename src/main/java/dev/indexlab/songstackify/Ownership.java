package dev.indexlab.songstackify;

import dev.indexlab.seed.RowRandom;

/**
 * Which user owns which playlist. 1% of users (rounded) are avid and own 20–30 playlists, the rest
 * own 1–5; the counts are then nudged one at a time, in random order and within those ranges where
 * possible, until they sum to exactly the number of playlists. Playlists are dealt to users in a
 * random order, so each playlist has exactly one owner and a user's playlists are scattered.
 */
final class Ownership {
  private static final long COUNTS = 21;
  private static final long DEAL = 22;

  private final int[] owner;
  private final int[] owned;

  private Ownership(int[] owner, int[] owned) {
    this.owner = owner;
    this.owned = owned;
  }

  static Ownership build(SeedPlan plan, long seed) {
    int users = Math.toIntExact(plan.users());
    int playlists = Math.toIntExact(plan.playlists());
    RowRandom rnd = new RowRandom(seed, COUNTS);
    int avid = (int) Math.round(users * 0.01);
    int[] min = new int[users];
    int[] max = new int[users];
    int[] owned = new int[users];
    long sum = 0;
    long avidLeft = avid;
    for (int u = 0; u < users; u++) {
      boolean isAvid = avidLeft > 0 && (long) (rnd.nextDouble() * (users - u)) < avidLeft;
      if (isAvid) {
        avidLeft--;
      }
      min[u] = isAvid ? 20 : 1;
      max[u] = isAvid ? 30 : 5;
      owned[u] = rnd.between(min[u], max[u]);
      sum += owned[u];
    }
    balance(owned, min, max, playlists - sum, rnd);
    int[] deck = PlaylistShape.identity(playlists);
    new RowRandom(seed, DEAL).shuffle(deck);
    int[] owner = new int[playlists];
    int next = 0;
    for (int u = 0; u < users; u++) {
      for (int k = 0; k < owned[u]; k++) {
        owner[deck[next++]] = u + 1;
      }
    }
    return new Ownership(owner, owned);
  }

  /** Moves the counts by {@code diff} in total, one step per user per sweep, ranges first. */
  private static void balance(int[] owned, int[] min, int[] max, long diff, RowRandom rnd) {
    int[] order = PlaylistShape.identity(owned.length);
    rnd.shuffle(order);
    boolean strict = true;
    while (diff != 0) {
      boolean moved = false;
      for (int i = 0; i < order.length && diff != 0; i++) {
        int u = order[i];
        if (diff > 0 && (!strict || owned[u] < max[u])) {
          owned[u]++;
          diff--;
          moved = true;
        } else if (diff < 0 && owned[u] > (strict ? min[u] : 1)) {
          owned[u]--;
          diff++;
          moved = true;
        }
      }
      if (!moved) {
        // the ranges cannot absorb the difference (tiny scales): only keep one playlist each
        strict = false;
      }
    }
  }

  /** The owner (1-based user id) of playlist {@code p} (0-based). */
  int ownerOf(int p) {
    return owner[p];
  }

  /** How many playlists user {@code u} (1-based) owns. */
  int ownedBy(int u) {
    return owned[u - 1];
  }

  int users() {
    return owned.length;
  }
}
