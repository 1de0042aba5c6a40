-- @route GET /song/get_library/
-- @description One page of 5 songs after the last id the client saw, in id order (keyset pagination).
-- @param after_id sample: SELECT k.after_id
--   FROM (SELECT row_number() OVER (ORDER BY id) - 1 AS pos,
--                lag(id, 1, (SELECT min(id) - 1 FROM songs)) OVER (ORDER BY id) AS after_id
--         FROM songs) AS k
--   WHERE k.pos % 5 = 0
--     AND k.pos <= greatest((SELECT count(*) FROM songs) - 5, 0)
--
-- This rewrite changes the API: the client asks for the page after the last id it saw instead
-- of for a page at an offset, so the server reads 5 rows of the primary key instead of walking
-- past every row before the page. Its rows are not the original's (that query has no ORDER BY).
--
-- after_id: for each page offset the original route samples (0, 5, 10, ... up to the count of
-- songs less 5), the id of the last row before that page in id order (below every id for the
-- first page). The sampler sorts both queries' rows, so draw k of this route asks for the same
-- page as draw k of song_get_library.
--
-- @statement read a page of the library
SELECT id, song_name, artist, album
FROM songs
WHERE id > :after_id
ORDER BY id
LIMIT 5;
