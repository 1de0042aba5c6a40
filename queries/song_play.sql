-- @route GET /song/{song_id}/play (No Ad)
-- @description Plays a song: its link on the user's platform, a history row and the user's play count.
-- @param user_id, song_id sample: SELECT h.user_id, h.song_id
--   FROM (SELECT id, user_id, song_id FROM song_history ORDER BY id LIMIT 5000) AS h
--   JOIN users AS u ON u.id = h.user_id
--   WHERE EXISTS (SELECT 1 FROM links AS l
--                 WHERE l.song_id = h.song_id AND l.platform_id = u.platform_id)
--   ORDER BY h.id
--   LIMIT 2000
--
-- user_id, song_id: (user, song) pairs of past plays, taken from the start of song_history
-- (whose rows are interleaved across users, so these are spread over all users), kept only
-- where the song has a link on the user's platform: the app answers 404 otherwise.
--
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
