-- The index the latest-orders route needs: customer, then newest first.
CREATE INDEX orders_customer_id_placed_at_idx ON orders (customer_id, placed_at DESC);
