-- @route POST /users/delete/{user_id}
-- @description Deletes a user; cascades to song_history, users_playlist_position and user_moods.
-- @param user_id sample: SELECT id FROM users ORDER BY id
--
-- user_id: any existing user (every seeded user owns playlists and has a history of plays).
--
-- @statement validate password
-- @returns password
SELECT password FROM users WHERE id = :user_id;

-- @statement delete the user
DELETE FROM users WHERE id = :user_id;
