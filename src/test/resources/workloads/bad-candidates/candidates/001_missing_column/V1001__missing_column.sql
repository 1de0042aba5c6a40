-- An index on a column that does not exist: the migration fails on the copy.
CREATE INDEX orders_shipped_at_idx ON orders (shipped_at);
