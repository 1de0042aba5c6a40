-- @route GET /song/{song_id}/play (With Ad)
-- @description Plays a song with an ad: its link on the user's platform, the user's mood, an ad for that mood.
-- @param user_id, song_id sample: SELECT h.user_id, h.song_id
--   FROM (SELECT id, user_id, song_id FROM song_history ORDER BY id LIMIT 5000) AS h
--   JOIN users AS u ON u.id = h.user_id
--   JOIN user_moods AS m ON m.user_id = h.user_id
--   WHERE EXISTS (SELECT 1 FROM links AS l
--                 WHERE l.song_id = h.song_id AND l.platform_id = u.platform_id)
--   ORDER BY h.id
--   LIMIT 2000
--
-- user_id, song_id: (user, song) pairs of past plays, as for the route without an ad, of users
-- that have a mood row.
-- mood: the user's mood, returned by the second statement.
--
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
