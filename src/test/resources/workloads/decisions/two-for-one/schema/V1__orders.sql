-- Orders without any index on customer_id: the customer route scans all 60,000.
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL,
    total numeric(10, 2) NOT NULL
);

INSERT INTO orders (id, customer_id, total)
SELECT g, 1 + (g * 7) % 3000, (g % 100) + 0.5
FROM generate_series(1, 60000) AS g;
