-- @route GET /items/{id}
-- @description One item; its statement names :item_id, which no @param declares.
-- @param id int: 1..500
--
-- @statement get
SELECT id, shelf
FROM items
WHERE id = :item_id;
