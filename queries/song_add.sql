-- @route POST /song/add
-- @description Adds a song and its first link, on the platform whose URL pattern the link matches.
-- @param song_name text: 5..40
-- @param album text: 5..40
-- @param artist text: 4..30
-- @param url format: https://open.spotify.com/track/{base62:22}
--
-- song_name, album, artist: free text of the lengths the seeded songs have.
-- url: a Spotify track URL (most links in the data are Spotify's).
-- song_id: the new song's id, returned by the first statement.
--
-- @statement insert the song
-- @returns song_id
INSERT INTO songs (song_name, album, artist)
VALUES (:song_name, :album, :artist)
RETURNING authorization_key, id AS song_id;

-- @statement insert its link on the platform whose pattern the URL matches
INSERT INTO links (song_id, platform_id, song_url)
VALUES (:song_id, (SELECT id FROM platforms WHERE :url LIKE platform_url), :url);
