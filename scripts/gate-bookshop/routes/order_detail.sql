-- @route GET /customers/{customer_id}/orders/{order_no}
-- @description One order's status, by its two-column primary key.
-- @weight 20
-- @param customer_id, order_no sample: SELECT customer_id, order_no FROM shop.orders
--
-- @statement the order
SELECT status, placed_at
FROM shop.orders
WHERE customer_id = :customer_id AND order_no = :order_no;
