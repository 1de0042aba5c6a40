-- A few hundred items; the rows are part of the schema (no data/ folder).
CREATE TABLE items (
    id bigint PRIMARY KEY,
    shelf integer NOT NULL
);

INSERT INTO items (id, shelf)
SELECT g, g % 20
FROM generate_series(1, 500) AS g;
