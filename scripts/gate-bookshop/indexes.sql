
-- The indexes of the trials' baseline (scripts/gate-bookshop-trials.sh appends these lines to a
-- copy of schema.sql; "needed" and "unused" mark the two it drops).
CREATE INDEX order_items_customer_id_order_no_idx ON shop.order_items (customer_id, order_no); -- needed
CREATE INDEX reviews_book_isbn_idx ON shop."Reviews" (book_isbn);
CREATE INDEX reviews_customer_id_idx ON shop."Reviews" (customer_id);
CREATE INDEX books_author_id_idx ON shop.books (author_id);
CREATE INDEX customers_created_at_idx ON shop.customers (created_at); -- unused
