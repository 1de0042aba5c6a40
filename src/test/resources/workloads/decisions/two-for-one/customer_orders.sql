-- @route GET /customers/{customer_id}/orders
-- @description A customer's orders.
-- @param customer_id sample: SELECT DISTINCT customer_id FROM orders
--
-- @statement the orders
SELECT id, total FROM orders WHERE customer_id = :customer_id;
