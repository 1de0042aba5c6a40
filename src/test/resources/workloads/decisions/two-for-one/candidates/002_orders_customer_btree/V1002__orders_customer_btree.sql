-- A b-tree index for the same lookup.
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
