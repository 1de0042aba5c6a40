-- @route GET /genres/{genre_id}/count
-- @description How many books a genre has.
-- @weight 5
-- @param genre_id sample: SELECT id FROM shop.genres
--
-- @statement count
SELECT count(*) AS books
FROM shop.books
WHERE genre_id = :genre_id;
