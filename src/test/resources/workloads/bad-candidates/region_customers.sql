-- @route GET /regions/{region}/customers
-- @description How many customers a region has.
-- @param region oneof: north, south, east, west
--
-- @statement count
SELECT count(*) AS customers
FROM customers
WHERE region = :region;
