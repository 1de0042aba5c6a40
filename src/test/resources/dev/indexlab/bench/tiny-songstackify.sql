-- A tiny SongStackify data set for integration tests: every bundled route finds what its
-- sampling queries look for (songs with links on each platform, positions that are not the
-- last entry of their playlist, moods, ads of every mood).
INSERT INTO platforms (id, platform_name, platform_url) VALUES
    (1, 'Spotify', 'https://open.spotify.com/%'),
    (2, 'Apple Music', 'https://music.apple.com/%');

INSERT INTO users (id, password, platform_id)
SELECT g, '$argon2id$v=19$m=65536,t=3,p=4$' || md5(g::text), CASE WHEN g = 6 THEN 2 ELSE 1 END
FROM generate_series(1, 6) AS g;

INSERT INTO songs (id, song_name, artist, album)
SELECT g, 'Song number ' || g, 'Artist ' || (g % 7), 'Album ' || (g % 5)
FROM generate_series(1, 40) AS g;

-- songs 1..37 on Spotify, 35..40 on Apple Music (35..37 on both)
INSERT INTO links (song_id, platform_id, song_url)
SELECT g, 1, 'https://open.spotify.com/track/' || md5(g::text) FROM generate_series(1, 37) AS g;
INSERT INTO links (song_id, platform_id, song_url)
SELECT g, 2, 'https://music.apple.com/us/song/' || (1000000000 + g) FROM generate_series(35, 40) AS g;

INSERT INTO playlists (id, name) SELECT g, 'Playlist ' || g FROM generate_series(1, 8) AS g;

-- five entries per playlist; ids follow the playlist order
INSERT INTO playlist_songs (id, playlist_id, song_id)
SELECT (p - 1) * 5 + k, p, ((p * 7 + k * 3) % 40) + 1
FROM generate_series(1, 8) AS p, generate_series(1, 5) AS k;

-- playlist p belongs to user ((p - 1) % 6) + 1, who is at its second entry
INSERT INTO users_playlist_position (id, user_id, playlist_song_position, playlist_id)
SELECT p, ((p - 1) % 6) + 1, (p - 1) * 5 + 2, p FROM generate_series(1, 8) AS p;

INSERT INTO song_history (user_id, song_id)
SELECT pos.user_id, ps.song_id
FROM users_playlist_position AS pos
JOIN playlist_songs AS ps ON ps.playlist_id = pos.playlist_id,
     generate_series(1, 2) AS round
ORDER BY round, ps.id;

INSERT INTO user_moods (user_id, mood, songs_played)
SELECT g, (ARRAY['HAPPY', 'SAD', 'ANGRY'])[g % 3 + 1], 10 * g FROM generate_series(1, 6) AS g;

INSERT INTO ad_campaigns (link, target_mood)
SELECT 'https://ads.example/' || g, (ARRAY['HAPPY', 'SAD', 'ANGRY'])[g % 3 + 1]
FROM generate_series(1, 9) AS g;

SELECT setval(pg_get_serial_sequence('platforms', 'id'), 2);
SELECT setval(pg_get_serial_sequence('users', 'id'), 6);
SELECT setval(pg_get_serial_sequence('songs', 'id'), 40);
SELECT setval(pg_get_serial_sequence('playlists', 'id'), 8);
SELECT setval(pg_get_serial_sequence('playlist_songs', 'id'), 40);
SELECT setval(pg_get_serial_sequence('users_playlist_position', 'id'), 8);
ANALYZE;
