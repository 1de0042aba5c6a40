-- A lookup table of 300 rows, and customers' orders with the index their route needs already built.
CREATE TABLE codes (
    id bigint PRIMARY KEY,
    code text NOT NULL,
    label text NOT NULL
);

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL,
    total numeric(10, 2) NOT NULL
);

CREATE INDEX orders_customer_id_idx ON orders (customer_id);

INSERT INTO codes (id, code, label)
SELECT g, 'C' || lpad(g::text, 4, '0'), 'label ' || g
FROM generate_series(1, 300) AS g;

INSERT INTO orders (id, customer_id, total)
SELECT g, 1 + (g * 7) % 2000, (g % 100) + 0.5
FROM generate_series(1, 20000) AS g;
