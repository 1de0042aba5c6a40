-- @route POST /playlist/create
-- @description Creates an empty playlist and returns its id.
-- @param name text: 3..30
--
-- name: free text of a playlist name's length.
--
-- @statement insert the playlist
-- @returns id
INSERT INTO playlists (name)
VALUES (:name)
RETURNING id;
