-- An index on a column no route filters or sorts on: the planner has no use for it.
CREATE INDEX orders_total_idx ON orders (total);
