-- @route POST /customers/{customer_id}/orders
-- @description Places an order of one book: next order number, the order, its line.
-- @isolation repeatable read
-- @weight 5
-- @param customer_id sample: SELECT id FROM shop.customers
-- @param isbn sample: SELECT isbn FROM shop.books
--
-- @statement next order number
-- @returns order_no
SELECT coalesce(max(order_no), 0) + 1 AS order_no
FROM shop.orders
WHERE customer_id = :customer_id;

-- @statement the order
INSERT INTO shop.orders (customer_id, order_no, placed_at)
VALUES (:customer_id, :order_no, now());

-- @statement its line
INSERT INTO shop.order_items (customer_id, order_no, book_isbn, quantity, unit_price)
SELECT :customer_id, :order_no, b.isbn, 1, b.price
FROM shop.books b
WHERE b.isbn = :isbn;
