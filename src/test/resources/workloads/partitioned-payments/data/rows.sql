INSERT INTO customer (id, name)
SELECT g, 'customer ' || g FROM generate_series(1, 400) g;

INSERT INTO payment (id, customer_id, amount, paid_on, note)
SELECT g, 1 + (g * 7) % 400, (g % 500) / 10.0, date '2024-01-01' + (g % 120), 'note ' || (g % 900)
FROM generate_series(1, 8000) g;

INSERT INTO refund (id, payment_id, paid_on, amount)
SELECT p.id, p.id, p.paid_on, p.amount FROM payment p WHERE p.id % 40 = 0;

INSERT INTO payment_archive_2023 (id, customer_id, paid_on)
SELECT g, 1 + g % 400, date '2023-01-01' + (g % 365) FROM generate_series(1, 500) g;
