-- @route GET /items/{item_id}/moves
-- @param item_id sample: SELECT id FROM "Inventory".items
--
-- @statement on hand
SELECT i.sku, "Inventory".on_hand(i.id) AS on_hand
FROM "Inventory".items i
WHERE i.id = :item_id;

-- @statement moves
SELECT m.warehouse_code, m.bin_no, m.delta, m.note
FROM "Inventory"."StockMoves" m
WHERE m.item_id = :item_id
ORDER BY m.id;
