-- @route POST /song/{song_id}/remove
-- @description Removes a song; cascades to links, playlist_songs (nulling positions there) and song_history.
-- @param song_id sample: SELECT id FROM songs ORDER BY md5(id::text) LIMIT 2000
--
-- song_id: songs spread over the whole table (a hash order, the same on every run), so popular
-- songs with long histories and songs played once are both in the pool.
--
-- @statement read the song's authorization key
-- @returns authorization_key
SELECT authorization_key FROM songs WHERE id = :song_id;

-- @statement delete the song
DELETE FROM songs WHERE id = :song_id;
