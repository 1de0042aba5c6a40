-- @route GET /song/search/{query}
-- @description Searches titles and artists: by prefix, then by substring when the prefix finds fewer than 10.
-- @param query sample: SELECT split_part(song_name, ' ', 1) FROM songs
--   ORDER BY md5(id::text)
--   LIMIT 2000
-- @param page int: 0..1
--
-- query: the first word of a song's title, as a user starts typing it (songs in a hash order,
-- the same on every run).
-- page: the first or the second page of 10 results.
-- This file is the path where the prefix search returns fewer than 10 rows and the app
-- searches again with the substring pattern: both statements run on every call.
--
-- @statement search by prefix
SELECT id, song_name, artist, album
FROM songs
WHERE song_name LIKE CAST(:query AS text) || '%'
   OR artist LIKE CAST(:query AS text) || '%'
LIMIT 10 OFFSET :page * 10;

-- @statement search by substring
SELECT id, song_name, artist, album
FROM songs
WHERE song_name LIKE '%' || CAST(:query AS text) || '%'
   OR artist LIKE '%' || CAST(:query AS text) || '%'
LIMIT 10 OFFSET :page * 10;
