-- The same index the schema already has, under another name.
CREATE INDEX orders_customer_id_twin_idx ON orders (customer_id);
