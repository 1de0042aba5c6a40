-- A hash index for the customer lookup.
CREATE INDEX orders_customer_id_hash_idx ON orders USING hash (customer_id);
