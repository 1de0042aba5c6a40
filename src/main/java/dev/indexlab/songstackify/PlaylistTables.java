package dev.indexlab.songstackify;

import dev.indexlab.seed.GeneratedTable;
import dev.indexlab.seed.RowRandom;
import dev.indexlab.seed.TableGenerator;
import java.util.List;

/**
 * playlists, playlist_songs (entries numbered playlist by playlist, so an entry's id is also its
 * order within the playlist) and users_playlist_position (one row per playlist: its owner and the
 * entry the owner is at).
 */
final class PlaylistTables {
  private static final long NAMES = 201;

  private final SongStackifyShape shape;
  private final PlaylistShape playlists;

  PlaylistTables(SongStackifyShape shape) {
    this.shape = shape;
    this.playlists = shape.playlists;
  }

  TableGenerator playlists() {
    return new GeneratedTable(
        "playlists",
        List.of("id", "name"),
        playlists.playlists(),
        out -> {
          for (int p = 0; p < playlists.playlists(); p++) {
            out.int8(p + 1L);
            out.text(shape.text.playlistName(RowRandom.hash(shape.seed, NAMES, p)));
            out.endRow();
          }
        });
  }

  TableGenerator playlistSongs() {
    return new GeneratedTable(
        "playlist_songs",
        List.of("id", "playlist_id", "song_id"),
        shape.plan.playlistSongs(),
        out -> {
          for (int p = 0; p < playlists.playlists(); p++) {
            for (int j = 0; j < playlists.length(p); j++) {
              out.int8(playlists.entryId(p, j));
              out.int8(p + 1L);
              out.int8(playlists.songOf(p, j));
              out.endRow();
            }
          }
        });
  }

  TableGenerator positions() {
    return new GeneratedTable(
        "users_playlist_position",
        List.of("id", "user_id", "playlist_song_position", "playlist_id"),
        shape.plan.positions(),
        out -> {
          for (int p = 0; p < playlists.playlists(); p++) {
            out.int8(p + 1L);
            out.int8(shape.ownership.ownerOf(p));
            out.int8(playlists.entryId(p, shape.listening.position(p)));
            out.int8(p + 1L);
            out.endRow();
          }
        });
  }
}
