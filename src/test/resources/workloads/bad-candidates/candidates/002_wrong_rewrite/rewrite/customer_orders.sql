-- @route GET /customers/{customer_id}/orders
-- @description A customer's five latest orders (wrongly rewritten: oldest first).
-- @param customer_id sample: SELECT id FROM customers
--
-- @statement latest orders
SELECT id, total, placed_at
FROM orders
WHERE customer_id = :customer_id
ORDER BY placed_at ASC, id
LIMIT 5;
