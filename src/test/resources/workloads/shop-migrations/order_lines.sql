-- @route GET /orders/{customer_id}/{order_no}
-- @param customer_id, order_no sample: SELECT customer_id, order_no FROM shop.orders
SELECT i.book_isbn, i.quantity
FROM shop.order_items i
WHERE i.customer_id = :customer_id AND i.order_no = :order_no;
