-- @route GET /steady
-- @description Sleeps 1 ms and counts its calls (see pause()); the reference of paused.
-- @param n const: 1
--
-- @statement sleep
SELECT steady(), :n AS n;
