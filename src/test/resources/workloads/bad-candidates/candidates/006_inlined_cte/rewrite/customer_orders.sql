-- @route GET /customers/{customer_id}/orders
-- @description A customer's five latest orders, through a CTE the planner inlines (same plan).
-- @param customer_id sample: SELECT id FROM customers
--
-- @statement latest orders
WITH mine AS (
    SELECT id, total, placed_at
    FROM orders
    WHERE customer_id = :customer_id
)
SELECT id, total, placed_at
FROM mine
ORDER BY placed_at DESC, id
LIMIT 5;
