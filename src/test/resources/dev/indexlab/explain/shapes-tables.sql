-- Two small tables for the plan-shape integration test: a few thousand orders of 300 customers.
CREATE TABLE customers (
    id       integer PRIMARY KEY,
    name     text NOT NULL,
    "Region" text
);

CREATE TABLE orders (
    id          bigint PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers (id),
    status      text NOT NULL,
    amount      numeric NOT NULL,
    note        text
);

CREATE INDEX orders_status_idx ON orders (status);

INSERT INTO customers
SELECT g, 'customer ' || g, CASE WHEN g % 2 = 0 THEN 'north' ELSE 'south' END
  FROM generate_series(0, 299) AS g;

INSERT INTO orders
SELECT g, g % 300, CASE WHEN g % 10 = 0 THEN 'open' ELSE 'closed' END, g % 97, 'note ' || g
  FROM generate_series(1, 5000) AS g;
