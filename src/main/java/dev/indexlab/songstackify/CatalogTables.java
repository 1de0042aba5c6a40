package dev.indexlab.songstackify;

import dev.indexlab.seed.GeneratedTable;
import dev.indexlab.seed.RowRandom;
import dev.indexlab.seed.RowSink;
import dev.indexlab.seed.TableGenerator;
import java.util.List;
import java.util.Locale;

/**
 * The catalog's tables: platforms, songs, their links, and the ad campaigns.
 *
 * <p>Songs are credited to artists drawn with a power-law bias (a few artists have many songs),
 * each artist with a handful of albums. Links: per song, 80% a Spotify link only, 10% an Apple
 * Music link only, 10% both; exactly {@code links − songs} songs get both (selection sampling over
 * the songs, in order), the rest split 8:1 between Spotify and Apple.
 */
final class CatalogTables {
  static final long SPOTIFY = 1;
  static final long APPLE = 2;
  private static final String[] MOODS = {"HAPPY", "SAD", "ANGRY"};
  private static final long TITLES = 101;
  private static final long ARTISTS = 102;
  private static final long ALBUMS = 103;
  private static final long KEYS = 104;
  private static final long CREDITS = 105;
  private static final long LINK_CHOICE = 106;
  private static final long LINK_URLS = 107;
  private static final long ADS = 108;
  private static final PowerCurve ARTIST_SKEW = new PowerCurve(1.6);

  private final SongStackifyShape shape;
  private final long seed;
  private final long songs;
  private final long artists;

  CatalogTables(SongStackifyShape shape) {
    this.shape = shape;
    this.seed = shape.seed;
    this.songs = shape.plan.songs();
    this.artists = Math.max(1, songs / 5);
  }

  TableGenerator platforms() {
    return new GeneratedTable(
        "platforms",
        List.of("id", "platform_name", "platform_url"),
        2,
        out -> {
          out.int8(SPOTIFY);
          out.text("Spotify");
          out.text("https://open.spotify.com/%");
          out.endRow();
          out.int8(APPLE);
          out.text("Apple");
          out.text("https://music.apple.com/%");
          out.endRow();
        });
  }

  TableGenerator songs() {
    return new GeneratedTable(
        "songs",
        List.of("id", "created_at", "song_name", "artist", "album", "authorization_key"),
        songs,
        out -> {
          for (long s = 1; s <= songs; s++) {
            long artist = artistOf(s);
            String artistName = artistName(artist);
            out.int8(s);
            out.timestamp(shape.timeline.song(s, songs));
            out.text(shape.text.songTitle(RowRandom.hash(seed, TITLES, s)));
            out.text(artistName);
            out.text(albumName(s, artist, artistName));
            out.text(FakeText.hexKey(RowRandom.hash(seed, KEYS, s)));
            out.endRow();
          }
        });
  }

  TableGenerator links() {
    long links = shape.plan.links();
    return new GeneratedTable(
        "links",
        List.of("id", "created_at", "song_id", "platform_id", "song_url"),
        links,
        out -> {
          RowRandom choice = new RowRandom(seed, LINK_CHOICE);
          long both = links - songs;
          long id = 0;
          for (long s = 1; s <= songs; s++) {
            boolean twoLinks = both > 0 && (long) (choice.nextDouble() * (songs - s + 1)) < both;
            boolean spotify = twoLinks || choice.nextInt(9) != 0;
            boolean apple = twoLinks || !spotify;
            if (twoLinks) {
              both--;
            }
            long created = shape.timeline.song(s, songs);
            long urlBits = RowRandom.hash(seed, LINK_URLS, s);
            if (spotify) {
              row(out, ++id, created + 1000 + (urlBits & 0xFFFF), s, SPOTIFY);
              out.text(FakeText.spotifyUrl(urlBits));
              out.endRow();
            }
            if (apple) {
              long artist = artistOf(s);
              String album = albumName(s, artist, artistName(artist));
              row(out, ++id, created + 70_000 + (urlBits >>> 48), s, APPLE);
              out.text(FakeText.appleUrl(RowRandom.mix(urlBits), album));
              out.endRow();
            }
          }
        });
  }

  TableGenerator adCampaigns() {
    long count = shape.plan.adCampaigns();
    return new GeneratedTable(
        "ad_campaigns",
        List.of("id", "created_at", "link", "target_mood"),
        count,
        out -> {
          for (long id = 1; id <= count; id++) {
            long bits = RowRandom.hash(seed, ADS, id);
            String mood = MOODS[RowRandom.below(bits, MOODS.length)];
            String page = FakeText.slug(shape.text.songTitle(RowRandom.mix(bits)));
            out.int8(id);
            out.timestamp(shape.timeline.adCampaign(id));
            out.text(
                "https://ads.songstackify.example/"
                    + mood.toLowerCase(Locale.ROOT)
                    + "/"
                    + page
                    + "-"
                    + id);
            out.text(mood);
            out.endRow();
          }
        });
  }

  private static void row(RowSink out, long id, long created, long song, long platform) {
    out.int8(id);
    out.timestamp(created);
    out.int8(song);
    out.int8(platform);
  }

  private long artistOf(long song) {
    double u = RowRandom.unit(RowRandom.hash(seed, CREDITS, song));
    return (long) (artists * ARTIST_SKEW.at(u));
  }

  private String artistName(long artist) {
    return shape.text.artist(RowRandom.hash(seed, ARTISTS, artist));
  }

  private String albumName(long song, long artist, String artistName) {
    long album =
        artist * 8 + RowRandom.below(RowRandom.hash(seed, ALBUMS, song), 1 + (int) (artist % 5));
    return shape.text.album(RowRandom.hash(seed, ALBUMS, -1 - album), artistName);
  }
}
