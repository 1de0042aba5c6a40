package dev.indexlab.songstackify;

import dev.indexlab.seed.TableGenerator;
import java.util.List;

/**
 * Everything decided up front for one SongStackify seed: the counts, the playlists and their songs,
 * who owns which playlist, how far each owner listened, and the calendar. It holds a few small
 * arrays per playlist and per user (tens of kilobytes per 1,000 playlists), never per-row data of
 * the large tables; {@link #tables()} streams the rows from it.
 */
final class SongStackifyShape {
  final SeedPlan plan;
  final long seed;
  final PlaylistShape playlists;
  final Ownership ownership;
  final Listening listening;
  final Timeline timeline;
  final FakeText text;

  private SongStackifyShape(SeedPlan plan, long seed) {
    this.plan = plan;
    this.seed = seed;
    this.playlists = PlaylistShape.build(plan, seed);
    this.ownership = Ownership.build(plan, seed);
    this.listening = Listening.build(plan, playlists, seed);
    this.timeline = new Timeline(seed);
    this.text = FakeText.get();
  }

  static SongStackifyShape build(SeedPlan plan, long seed) {
    return new SongStackifyShape(plan, seed);
  }

  /** The ten tables' generators, in {@link SeedPlan#counts()} order. */
  List<TableGenerator> tables() {
    CatalogTables catalog = new CatalogTables(this);
    PlaylistTables lists = new PlaylistTables(this);
    UserTables users = new UserTables(this);
    return List.of(
        catalog.platforms(),
        catalog.adCampaigns(),
        lists.playlists(),
        users.users(),
        catalog.songs(),
        catalog.links(),
        lists.playlistSongs(),
        lists.positions(),
        new HistoryTable(this).generator(),
        users.moods());
  }
}
