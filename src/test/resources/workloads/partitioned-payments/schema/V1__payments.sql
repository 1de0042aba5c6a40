CREATE TABLE customer (
  id integer PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE payment (
  id bigint NOT NULL,
  customer_id integer NOT NULL REFERENCES customer (id),
  amount numeric(8, 2) NOT NULL,
  paid_on date NOT NULL,
  note text NOT NULL,
  PRIMARY KEY (id, paid_on)
) PARTITION BY RANGE (paid_on);

CREATE TABLE payment_2024_01 PARTITION OF payment FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE payment_2024_02 PARTITION OF payment FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
CREATE TABLE payment_2024_03 PARTITION OF payment FOR VALUES FROM ('2024-03-01') TO ('2024-04-01');
CREATE TABLE payment_2024_04 PARTITION OF payment FOR VALUES FROM ('2024-04-01') TO ('2024-05-01');

-- the parent's index, built on every partition
CREATE INDEX payment_paid_on_idx ON payment (paid_on);
-- a partition's own copy of it: a real duplicate
CREATE INDEX payment_2024_02_paid_on_copy ON payment_2024_02 (paid_on);

CREATE TABLE refund (
  id integer PRIMARY KEY,
  payment_id bigint NOT NULL,
  paid_on date NOT NULL,
  amount numeric(8, 2) NOT NULL,
  FOREIGN KEY (payment_id, paid_on) REFERENCES payment (id, paid_on) ON DELETE CASCADE
);
CREATE INDEX refund_payment_idx ON refund (payment_id, paid_on);

-- pre-10 style inheritance: reported, not taken for a partition
CREATE TABLE payment_archive (
  id bigint NOT NULL,
  customer_id integer NOT NULL,
  paid_on date NOT NULL
);
CREATE TABLE payment_archive_2023 () INHERITS (payment_archive);
