-- @route POST /playlist/{playlist_id}/songs/add
-- @description Appends a song to a playlist.
-- @param playlist_id sample: SELECT id FROM playlists ORDER BY id
-- @param song_id sample: SELECT id FROM songs ORDER BY md5(id::text) LIMIT 2000
--
-- playlist_id: any existing playlist.
-- song_id: songs spread over the whole table (a hash order, the same on every run).
--
-- @statement append the song
INSERT INTO playlist_songs (playlist_id, song_id)
VALUES (:playlist_id, :song_id);
