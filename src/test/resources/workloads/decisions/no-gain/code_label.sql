-- @route GET /codes/{code}
-- @description A code's label, from a table of 300 rows.
-- @param code sample: SELECT code FROM codes
--
-- @statement the label
SELECT label FROM codes WHERE code = :code;
