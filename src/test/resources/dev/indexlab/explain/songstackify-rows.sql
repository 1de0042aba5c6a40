-- A few hundred SongStackify rows for the explain integration tests, deterministic. Every song is
-- in four playlist entries; most entries are some user's position; history is scattered.
INSERT INTO platforms (platform_name, platform_url)
VALUES ('Spotify', 'https://open.spotify.com/%'), ('Apple', 'https://music.apple.com/%');

INSERT INTO songs (song_name, artist, album)
SELECT 'song ' || g, 'artist ' || (g % 40), 'album ' || (g % 80)
  FROM generate_series(1, 200) AS g;

INSERT INTO playlists (name) SELECT 'playlist ' || g FROM generate_series(1, 40) AS g;

INSERT INTO users (password, platform_id)
SELECT 'argon2-hash-' || g, CASE WHEN g % 20 = 0 THEN 2 ELSE 1 END
  FROM generate_series(1, 30) AS g;

INSERT INTO links (song_id, platform_id, song_url)
SELECT g, 1, 'https://open.spotify.com/track/' || g FROM generate_series(1, 200) AS g;

INSERT INTO playlist_songs (playlist_id, song_id)
SELECT 1 + g % 40, 1 + (g * 7) % 200 FROM generate_series(1, 800) AS g;

INSERT INTO users_playlist_position (user_id, playlist_song_position, playlist_id)
SELECT 1 + g % 30, 1 + (g * 13) % 800, 1 + g % 40 FROM generate_series(1, 600) AS g;

INSERT INTO song_history (user_id, song_id)
SELECT 1 + (g * 7) % 30, 1 + (g * 11) % 200 FROM generate_series(1, 1500) AS g;

INSERT INTO user_moods (user_id, mood, songs_played) SELECT id, 'HAPPY', 0 FROM users;
