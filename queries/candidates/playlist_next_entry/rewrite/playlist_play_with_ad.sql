-- @route GET /playlist/{playlist_id}/play (With Ad)
-- @description Plays the user's current song of a playlist with an ad for their mood, and moves them on.
-- @param user_id, playlist_id sample: SELECT p.user_id, p.playlist_id
--   FROM users_playlist_position AS p
--   JOIN users AS u ON u.id = p.user_id
--   JOIN user_moods AS m ON m.user_id = p.user_id
--   JOIN playlist_songs AS cur
--     ON cur.id = p.playlist_song_position AND cur.playlist_id = p.playlist_id
--   JOIN (SELECT playlist_id, max(id) AS last_id FROM playlist_songs GROUP BY playlist_id)
--     AS ends ON ends.playlist_id = p.playlist_id AND cur.id < ends.last_id
--   WHERE EXISTS (SELECT 1 FROM links AS l
--                 WHERE l.song_id = cur.song_id AND l.platform_id = u.platform_id)
--   ORDER BY p.id
--   LIMIT 2000
--
-- This file is the path the write-up measured: the user has a position in the playlist and it
-- is not the last entry. (With no position, or at the end, the app reads the playlist's first
-- entry instead; that path is not measured here.)
-- user_id, playlist_id: as for the route without an ad, of users that have a mood row.
-- playlist_song_position: the user's current entry, returned by the second statement.
-- song_id, next_position: the current entry's song and the next entry's id, returned by the
-- queue query.
-- mood: the user's mood, returned by the mood read.
--
-- @statement check the user exists
-- @returns id
SELECT id FROM users WHERE id = :user_id;

-- @statement read the user's position in the playlist
-- @returns playlist_song_position
SELECT playlist_song_position
FROM users_playlist_position
WHERE user_id = :user_id AND playlist_id = :playlist_id;

-- @statement find the current song and the next position
-- @returns song_id, next_position
-- Rewritten: read the current entry by its id and the next entry of the same playlist with
-- an index range scan (playlist_id = X AND id > current ORDER BY id LIMIT 1), instead of a
-- LEAD() window over every playlist_songs row. Same rows for every position, including the
-- last entry of a playlist (no next entry: next_position is NULL).
SELECT cur.song_id, nxt.id AS next_position, nxt.song_id AS next_song_id
FROM users_playlist_position AS pos
JOIN playlist_songs AS cur ON cur.id = pos.playlist_song_position
LEFT JOIN LATERAL (
    SELECT p.id, p.song_id
    FROM playlist_songs AS p
    WHERE p.playlist_id = cur.playlist_id AND p.id > cur.id
    ORDER BY p.id
    LIMIT 1
) AS nxt ON true
WHERE pos.user_id = :user_id AND pos.playlist_id = :playlist_id;

-- @statement move the user to the next entry
UPDATE users_playlist_position
SET playlist_song_position = :next_position
WHERE user_id = :user_id AND playlist_id = :playlist_id;

-- @statement find the song's link on the user's platform
-- @returns song_url
SELECT l.song_url
FROM songs AS s
JOIN links AS l ON l.song_id = s.id
WHERE s.id = :song_id
  AND l.platform_id = (SELECT platform_id FROM users WHERE id = :user_id);

-- @statement read the user's mood
-- @returns mood
SELECT last_updated, mood, songs_played
FROM user_moods
WHERE user_id = :user_id;

-- @statement pick an ad for the mood
SELECT link
FROM ad_campaigns
WHERE target_mood = :mood
ORDER BY random()
LIMIT 1;
