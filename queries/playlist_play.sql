-- @route GET /playlist/{playlist_id}/play (No Ad)
-- @description Plays the user's current song of a playlist and moves them to the next entry.
-- @param user_id, playlist_id sample: SELECT p.user_id, p.playlist_id
--   FROM users_playlist_position AS p
--   JOIN users AS u ON u.id = p.user_id
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
-- user_id, playlist_id: a user's position row whose position is set, is not the playlist's
-- last entry, and whose current song has a link on the user's platform.
-- playlist_song_position: the user's current entry, returned by the second statement.
-- song_id, next_position: the current entry's song and the next entry's id, returned by the
-- queue query.
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
WITH queue AS (
    SELECT id, playlist_id, song_id,
           LEAD(id) OVER (PARTITION BY playlist_id ORDER BY id) AS next_id
    FROM playlist_songs
)
SELECT q.song_id, q.next_id AS next_position, nxt.song_id AS next_song_id
FROM queue AS q
JOIN users_playlist_position AS pos ON pos.playlist_song_position = q.id
LEFT JOIN playlist_songs AS nxt ON nxt.id = q.next_id
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

-- @statement record the play
INSERT INTO song_history (user_id, song_id)
VALUES (:user_id, :song_id);

-- @statement count the play for the user's mood
UPDATE user_moods
SET songs_played = songs_played + 1
WHERE user_id = :user_id;
