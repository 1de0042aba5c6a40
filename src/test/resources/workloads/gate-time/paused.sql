-- @route GET /paused
-- @description Sleeps as long as table pause says: its plan and buffers never change.
-- @param n const: 1
--
-- @statement pause
SELECT pause(), :n AS n;
