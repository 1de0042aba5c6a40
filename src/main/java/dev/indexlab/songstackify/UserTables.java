package dev.indexlab.songstackify;

import dev.indexlab.seed.GeneratedTable;
import dev.indexlab.seed.RowRandom;
import dev.indexlab.seed.TableGenerator;
import java.util.List;

/**
 * users (95% on Spotify, argon2-style password hashes) and user_moods (one row per user; its
 * songs_played is the number of song_history rows the user has).
 */
final class UserTables {
  private static final String[] MOODS = {"HAPPY", "SAD", "ANGRY"};
  private static final long PASSWORDS = 301;
  private static final long PLATFORMS = 302;
  private static final long MOOD = 303;

  private final SongStackifyShape shape;
  private final long users;

  UserTables(SongStackifyShape shape) {
    this.shape = shape;
    this.users = shape.plan.users();
  }

  TableGenerator users() {
    return new GeneratedTable(
        "users",
        List.of("id", "created_at", "password", "platform_id", "salt"),
        users,
        out -> {
          for (long u = 1; u <= users; u++) {
            boolean apple = RowRandom.unit(RowRandom.hash(shape.seed, PLATFORMS, u)) >= 0.95;
            out.int8(u);
            out.timestamp(shape.timeline.user(u, users));
            out.text(FakeText.argon2Hash(RowRandom.hash(shape.seed, PASSWORDS, u)));
            out.int8(apple ? CatalogTables.APPLE : CatalogTables.SPOTIFY);
            out.text("");
            out.endRow();
          }
        });
  }

  TableGenerator moods() {
    return new GeneratedTable(
        "user_moods",
        List.of("user_id", "last_updated", "mood", "songs_played"),
        shape.plan.userMoods(),
        out -> {
          long[] played = new long[(int) users];
          for (int p = 0; p < shape.playlists.playlists(); p++) {
            played[shape.ownership.ownerOf(p) - 1] += shape.listening.rows(p, shape.playlists);
          }
          for (long u = 1; u <= users; u++) {
            long bits = RowRandom.hash(shape.seed, MOOD, u);
            out.int8(u);
            out.timestamp(shape.timeline.moodUpdate(u));
            out.text(MOODS[RowRandom.below(bits, MOODS.length)]);
            out.int8(played[(int) u - 1]);
            out.endRow();
          }
        });
  }
}
