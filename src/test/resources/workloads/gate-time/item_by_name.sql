-- @route GET /items?name={name}
-- @description An item by name, through items_name_index (a test drops it).
-- @param name sample: SELECT name FROM items
--
-- @statement find
SELECT id FROM items WHERE name = :name;
