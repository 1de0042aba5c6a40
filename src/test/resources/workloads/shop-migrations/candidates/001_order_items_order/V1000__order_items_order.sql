CREATE INDEX order_items_order_idx ON shop.order_items (customer_id, order_no);
