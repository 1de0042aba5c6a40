-- Index the two-column foreign key order_items (customer_id, order_no) -> orders. Without it,
-- deleting a customer scans order_items once per cascaded order, and reading an order's lines
-- (customer_orders, statement 2) scans the whole table.
CREATE INDEX order_items_customer_id_order_no_idx
    ON shop.order_items (customer_id, order_no);
