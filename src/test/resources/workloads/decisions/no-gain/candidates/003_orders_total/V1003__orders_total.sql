-- An index no route filters or sorts on.
CREATE INDEX orders_total_idx ON orders (total);
