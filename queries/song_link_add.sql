-- @route POST /song/link/add
-- @description Adds an Apple Music link to an existing song, in a SERIALIZABLE transaction as the app did.
-- @isolation serializable
-- @param song_id sample: SELECT id FROM songs ORDER BY md5(id::text) LIMIT 2000
-- @param url format: https://music.apple.com/us/song/{int:1000000000..1799999999}
--
-- song_id: songs spread over the whole table (a hash order, the same on every run).
-- url: an Apple Music song URL; it matches the Apple platform's pattern.
--
-- @statement find the song
-- @returns id
SELECT id, song_name, artist, album FROM songs WHERE id = :song_id;

-- @statement insert the link on the platform whose pattern the URL matches
INSERT INTO links (song_id, platform_id, song_url)
VALUES (:song_id, (SELECT id FROM platforms WHERE :url LIKE platform_url), :url);
