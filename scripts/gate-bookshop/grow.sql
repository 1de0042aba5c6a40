-- The bookshop example grown tenfold for the gate's trials (scripts/gate-bookshop-trials.sh
-- copies it to data/90_grow.sql): 18,000 more customers with three orders each, two or three
-- lines per order, 72,000 more reviews. Deterministic (arithmetic on the row number, no random()),
-- with explicit keys: the loader moves the sequences past them after the data/ files.
-- Lookups join on a row number computed from the new row's number modulo a constant count, so
-- the planner hashes them (a modulo of the looked-up table's own column would nest-loop).
WITH country AS (
    SELECT code, row_number() OVER (ORDER BY code) - 1 AS k
    FROM shop.countries
)
INSERT INTO shop.customers (id, email, name, country_code, created_at)
SELECT g, 'customer.' || g || '@example.net', 'Customer ' || g, country.code,
       timestamptz '2020-01-01 00:00:00+00' + (g % 1500) * interval '1 day'
FROM generate_series(2001, 20000) AS g
JOIN country ON country.k = g % (SELECT count(*) FROM shop.countries);

INSERT INTO shop.orders (customer_id, order_no, placed_at, status)
SELECT c, n,
       timestamptz '2021-01-01 00:00:00+00' + ((c * 37 + n * 11) % 1400) * interval '1 day',
       (ARRAY['placed', 'shipped', 'delivered', 'cancelled'])[1 + (c + n) % 4]
FROM generate_series(2001, 20000) AS c, generate_series(1, 3) AS n;

WITH book AS (
    SELECT isbn, price, row_number() OVER (ORDER BY isbn) - 1 AS k
    FROM shop.books
), line AS (
    SELECT c, n, i, row_number() OVER (ORDER BY c, n, i) AS r
    FROM generate_series(2001, 20000) AS c, generate_series(1, 3) AS n, generate_series(1, 3) AS i
    WHERE i <= 2 + (c + n) % 2
)
INSERT INTO shop.order_items (id, customer_id, order_no, book_isbn, quantity, unit_price)
SELECT 100000 + line.r, line.c, line.n, book.isbn, 1 + (line.c + line.i) % 3, book.price
FROM line
JOIN book ON book.k = (line.c * 131 + line.n * 17 + line.i * 7) % (SELECT count(*) FROM shop.books);

WITH book AS (
    SELECT isbn, row_number() OVER (ORDER BY isbn) - 1 AS k
    FROM shop.books
)
INSERT INTO shop."Reviews" (id, book_isbn, customer_id, "starRating", body, created_at)
SELECT 100000 + g, book.isbn, 1 + (g * 7) % 20000, 1 + g % 5, 'Review number ' || g,
       timestamptz '2022-01-01 00:00:00+00' + (g % 5000) * interval '1 hour'
FROM generate_series(1, 72000) AS g
JOIN book ON book.k = (g * 53) % (SELECT count(*) FROM shop.books);
