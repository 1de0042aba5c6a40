INSERT INTO items (id, name)
SELECT g, 'item ' || g FROM generate_series(1, 20000) AS g;

INSERT INTO pause (ms, slow_ms, slow_until_steady) VALUES (2, 2, 0);
