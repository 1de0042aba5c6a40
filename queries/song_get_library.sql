-- @route GET /song/get_library/
-- @description One page of 5 songs at an offset, without ORDER BY, as the app pages its library.
-- @param offset sample: SELECT o FROM generate_series(0,
--   greatest((SELECT count(*) FROM songs) - 5, 0), 5) AS o
--
-- offset: page offsets spread evenly over the whole library, a client paging anywhere in it.
--
-- @statement read a page of the library
SELECT id, song_name, artist, album
FROM songs
LIMIT 5 OFFSET :offset;
