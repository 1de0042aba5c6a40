-- Customers and their orders; the rows are part of the schema (no data/ folder).
CREATE TABLE customers (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    region text NOT NULL
);

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    total numeric(10, 2) NOT NULL,
    placed_at timestamptz NOT NULL
);

INSERT INTO customers (id, name, region)
SELECT g, 'customer ' || g, (ARRAY['north', 'south', 'east', 'west'])[1 + g % 4]
FROM generate_series(1, 2000) AS g;

INSERT INTO orders (id, customer_id, total, placed_at)
SELECT g, 1 + (g * 7) % 2000, (g % 100) + 0.5, timestamptz '2024-01-01' + g * interval '1 minute'
FROM generate_series(1, 20000) AS g;
