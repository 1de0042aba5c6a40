-- @route GET /shelves/{shelf}/count
-- @description How many items a shelf holds.
-- @param shelf int: 0..19
--
-- @statement count
SELECT count(*) AS items
FROM items
WHERE shelf = :shelf;
