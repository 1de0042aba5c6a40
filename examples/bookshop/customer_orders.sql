-- @route GET /customers/{customer_id}/orders
-- @description A customer's ten latest orders, then the lines of the latest one.
-- @weight 25
-- @param customer_id sample: SELECT DISTINCT customer_id FROM shop.orders
--
-- @statement latest orders
-- @returns order_no
SELECT o.order_no, o.placed_at, o.status
FROM shop.orders o
WHERE o.customer_id = :customer_id
ORDER BY o.placed_at DESC
LIMIT 10;

-- @statement lines of the latest order
SELECT i.book_isbn, b.title, i.quantity, i.unit_price
FROM shop.order_items i
JOIN shop.books b ON b.isbn = i.book_isbn
WHERE i.customer_id = :customer_id AND i.order_no = :order_no;
