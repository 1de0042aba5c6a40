-- A typo in the statement: the migration fails on the copy.
CREATE INDEKS orders_total_placed_idx ON orders (total, placed_at);
