package dev.indexlab.songstackify;

import dev.indexlab.seed.GeneratedTable;
import dev.indexlab.seed.RowRandom;
import dev.indexlab.seed.TableGenerator;
import java.util.List;

/**
 * song_history: every owner's plays, interleaved at random. Each playlist is a stream of {@code
 * passes × length + position} plays in listening order (whole passes, then the entries before the
 * position); the table is a uniformly random merge of all streams, drawn one row at a time: the
 * next row comes from a stream chosen with probability proportional to the plays it has left (a
 * Fenwick tree over the remaining counts makes each draw O(log playlists)). So a user's plays are
 * scattered over the whole table, each playlist's plays stay in order, and the memory needed is two
 * numbers per playlist. Rows are numbered and timestamped in play order.
 */
final class HistoryTable {
  private static final long MERGE = 401;

  private final SongStackifyShape shape;

  HistoryTable(SongStackifyShape shape) {
    this.shape = shape;
  }

  TableGenerator generator() {
    long total = shape.plan.songHistory();
    return new GeneratedTable(
        "song_history",
        List.of("id", "created_at", "user_id", "song_id"),
        total,
        out -> {
          PlaylistShape playlists = shape.playlists;
          int n = playlists.playlists();
          long[] remaining = new long[n];
          for (int p = 0; p < n; p++) {
            remaining[p] = shape.listening.rows(p, playlists);
          }
          Fenwick left = new Fenwick(remaining);
          int[] played = new int[n];
          RowRandom rnd = new RowRandom(shape.seed, MERGE);
          for (long i = 0; i < total; i++) {
            int p = left.find(Long.remainderUnsigned(rnd.nextLong(), total - i));
            left.decrement(p);
            int t = played[p]++;
            out.int8(i + 1);
            out.timestamp(shape.timeline.play(i, total));
            out.int8(shape.ownership.ownerOf(p));
            out.int8(playlists.songOf(p, t % playlists.length(p)));
            out.endRow();
          }
        });
  }

  /** A binary indexed tree of counts supporting "which slot holds the r-th unit" lookups. */
  static final class Fenwick {
    private final long[] tree;
    private final int top;

    Fenwick(long[] counts) {
      int n = counts.length;
      tree = new long[n + 1];
      for (int i = 1; i <= n; i++) {
        tree[i] += counts[i - 1];
        int parent = i + (i & -i);
        if (parent <= n) {
          tree[parent] += tree[i];
        }
      }
      top = n == 0 ? 0 : Integer.highestOneBit(n);
    }

    /** The slot (0-based) holding the {@code r}-th (0-based) unit of the running total. */
    int find(long r) {
      int pos = 0;
      for (int step = top; step > 0; step >>= 1) {
        int next = pos + step;
        if (next < tree.length && tree[next] <= r) {
          pos = next;
          r -= tree[next];
        }
      }
      return pos;
    }

    void decrement(int slot) {
      for (int i = slot + 1; i < tree.length; i += i & -i) {
        tree[i]--;
      }
    }
  }
}
