-- @route mood refresh (background job)
-- @description The background job that refreshes a user's mood: their play count and 5 latest plays.
-- @param user_id sample: SELECT user_id FROM user_moods ORDER BY user_id
--
-- user_id: any user with a mood row (the job walks them all).
--
-- @statement count the user's plays
SELECT count(*) AS plays
FROM song_history
WHERE user_id = :user_id;

-- @statement read the user's 5 latest plays
SELECT s.song_name, s.artist
FROM song_history AS h
JOIN songs AS s ON s.id = h.song_id
WHERE h.user_id = :user_id
ORDER BY h.created_at DESC
LIMIT 5;
